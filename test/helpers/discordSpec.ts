/**
 * Checks HTTP requests against Discord's published OpenAPI description (../shared/discord-api-spec/openapi.json):
 * the route exists, the method is allowed there, path and query parameters fit their schemas, and the JSON body
 * matches the operation's request schema. Plus the documented limits the schema cannot express (6,000 characters
 * across a message's embeds).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specPath = path.resolve(repoRoot, '..', 'shared', 'discord-api-spec', 'openapi.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonObject }> };
}

interface Route {
  template: string;
  segments: string[];
  literals: number;
  item: Record<string, Operation | Parameter[]>;
}

export interface SpecCheck {
  /** The spec's path template the request matched, or null. */
  route: string | null;
  problems: string[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * Where Discord's spec and its documentation disagree, the documentation wins (the spec says it is a preview).
 * Permission bitfields are documented as strings ("string of a bitwise value"); the spec types some as integers.
 */
const PERMISSION_FIELDS = new Set(['default_member_permissions', 'permissions', 'allow', 'deny']);

function patchDocumentedDisagreements(node: Json, key?: string): Json {
  if (Array.isArray(node)) return node.map((n) => patchDocumentedDisagreements(n));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) out[k] = patchDocumentedDisagreements(v, k);
  if (key !== undefined && PERMISSION_FIELDS.has(key)) {
    const type = out.type;
    const types = Array.isArray(type) ? type : typeof type === 'string' ? [type] : [];
    if (types.includes('integer')) {
      // Accept the documented form as well: a decimal string.
      return { anyOf: [out, { type: 'string', pattern: '^[0-9]+$' }] };
    }
  }
  return out;
}

export class DiscordSpec {
  readonly version: string;
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(file = specPath) {
    const spec = JSON.parse(readFileSync(file, 'utf8')) as {
      info: { version: string };
      servers: { url: string }[];
      paths: Record<string, Record<string, Operation | Parameter[]>>;
      components: JsonObject;
    };
    this.version = spec.info.version;
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
    addFormats(this.ajv);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
    this.ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
    this.ajv.addFormat('nonce', /^.{0,25}$/s);
    this.ajv.addSchema({ $id: 'discord', components: patchDocumentedDisagreements(spec.components) } as JsonObject);
    this.routes = Object.entries(spec.paths).map(([template, item]) => {
      const segments = template.split('/').slice(1);
      return { template, segments, literals: segments.filter((s) => !s.startsWith('{')).length, item };
    });
    // Most literal segments first, so `/users/@me` wins over `/users/{user_id}`.
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  private validator(key: string, schema: JsonObject): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"discord#/components/')) as JsonObject;
      validate = this.ajv.compile(rewritten);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private errors(validate: ValidateFunction): string {
    return this.ajv.errorsText(validate.errors, { separator: '; ', dataVar: '' });
  }

  /**
   * `apiPath` is the path after the API base and version, e.g. `/webhooks/1/abc/messages/@original`
   * (segments already percent-decoded). `body` is the parsed JSON body, or undefined when there is none.
   */
  check(method: string, apiPath: string, query: URLSearchParams, body: unknown, contentType: string | null): SpecCheck {
    const segments = apiPath.split('/').slice(1);
    const m = method.toLowerCase() as (typeof METHODS)[number];
    const candidates = this.routes.filter(
      (r) => r.segments.length === segments.length && r.segments.every((s, i) => s.startsWith('{') || s === segments[i]),
    );
    const route = candidates[0];
    if (!route) return { route: null, problems: [`${method} ${apiPath}: no such route in Discord's API`] };
    const problems: string[] = [];
    const where = `${method} ${route.template}`;
    const operation = route.item[m] as Operation | undefined;
    if (!operation || !METHODS.includes(m)) {
      return { route: route.template, problems: [`${where}: method not allowed (allowed: ${METHODS.filter((x) => x in route.item).join(', ')})`] };
    }
    const parameters = [...((route.item.parameters as Parameter[] | undefined) ?? []), ...(operation.parameters ?? [])];
    route.segments.forEach((s, i) => {
      if (!s.startsWith('{')) return;
      const name = s.slice(1, -1);
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
      if (!parameter?.schema) return;
      const validate = this.validator(`${route.template}#path:${name}`, parameter.schema);
      if (!validate(segments[i])) problems.push(`${where}: path parameter ${name}=${segments[i]}: ${this.errors(validate)}`);
    });
    for (const [name, value] of query) {
      const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
      if (!parameter) {
        problems.push(`${where}: unknown query parameter ${name}`);
        continue;
      }
      if (!parameter.schema) continue;
      const validate = this.validator(`${route.template}#${m}#query:${name}`, parameter.schema);
      const coerced = coerceQuery(value, parameter.schema);
      if (!validate(coerced)) problems.push(`${where}: query parameter ${name}=${value}: ${this.errors(validate)}`);
    }
    const requestBody = operation.requestBody;
    if (body === undefined) {
      if (requestBody?.required) problems.push(`${where}: a request body is required`);
      return { route: route.template, problems };
    }
    if (!requestBody) {
      problems.push(`${where}: takes no request body`);
      return { route: route.template, problems };
    }
    const mediaType = (contentType ?? '').split(';')[0]!.trim();
    const content = requestBody.content[mediaType];
    if (!content) {
      problems.push(`${where}: content type ${mediaType || '(none)'} not accepted (${Object.keys(requestBody.content).join(', ')})`);
      return { route: route.template, problems };
    }
    const validate = this.validator(`${route.template}#${m}#body:${mediaType}`, content.schema);
    if (!validate(body)) problems.push(`${where}: request body: ${this.errors(validate)}`);
    problems.push(...documentedLimits(body).map((p) => `${where}: ${p}`));
    return { route: route.template, problems };
  }
}

function coerceQuery(value: string, schema: JsonObject): unknown {
  const type = schema.type;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** Limits Discord documents for messages that the JSON schema cannot state. */
export function documentedLimits(body: unknown): string[] {
  const problems: string[] = [];
  const data = (body as { data?: unknown } | null)?.data ?? body;
  const embeds = (data as { embeds?: unknown } | null)?.embeds;
  if (Array.isArray(embeds)) {
    let total = 0;
    for (const e of embeds as Record<string, unknown>[]) {
      total += String(e.title ?? '').length + String(e.description ?? '').length;
      total += String((e.footer as { text?: string } | undefined)?.text ?? '').length;
      total += String((e.author as { name?: string } | undefined)?.name ?? '').length;
      for (const f of (e.fields as { name: string; value: string }[] | undefined) ?? []) total += f.name.length + f.value.length;
    }
    if (total > 6000) problems.push(`embeds carry ${total} characters in all; Discord allows 6000 per message`);
  }
  return problems;
}
