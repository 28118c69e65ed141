/**
 * Titles and roles: the words of office written before a name ("French President Emmanuel Macron",
 * "Prime Minister Sir Keir Starmer") and the role nouns copy describes people by ("Mr Trump's
 * son-in-law", "his special envoy to the Middle East"), each with the other words for it ("PM" and
 * "premier" for prime minister). Data only; src/news/roles.ts, names.ts, mentions.ts and speakers.ts
 * build their rules from ROLES.
 */

export interface Role {
  /** The role, lower case: what every wording of it is read as ("prime minister" for "PM" and "Premier"). */
  head: string;
  /**
   * Other words for the same role. One written in capitals ("PM") counts in copy only when written in
   * capitals ("5 pm" is a time); in questions, in any case.
   */
  aliases?: readonly string[];
  /**
   * Words that commonly qualify it ("special envoy", "peace envoy"): still the same role, but a question
   * naming the qualifier wants a holder the coverage describes with it.
   */
  qualifiers?: readonly string[];
  /** Capitalised words this role puts before a name: "Prime Minister Keir Starmer", "Special Envoy ...". */
  titleWords?: readonly string[];
  /** Copy names the holder by the role alone: "the Prime Minister said", "the US envoy added". */
  namesHolder?: boolean;
  /** A question may name someone by it: "what did the PM say", "the French president's comments". */
  asked?: boolean;
  /** A question may give it an owner: "Trump's son-in-law" means the son-in-law, not Trump. */
  owned?: boolean;
  /** In a question, a holder of any of these roles: "the French leader" is its president or prime minister. */
  means?: readonly string[];
}

export const ROLES: readonly Role[] = [
  { head: 'prime minister', aliases: ['PM', 'premier', 'top minister', 'head of government'], titleWords: ['Prime', 'Minister', 'PM', 'Premier'], namesHolder: true, asked: true },
  { head: 'president', aliases: ['head of state'], titleWords: ['President'], namesHolder: true, asked: true },
  { head: 'chancellor', titleWords: ['Chancellor'], namesHolder: true, asked: true },
  { head: 'foreign secretary', titleWords: ['Foreign', 'Secretary'], namesHolder: true, asked: true },
  { head: 'defence secretary', aliases: ['defense secretary'], titleWords: ['Defence', 'Defense', 'Secretary'], namesHolder: true, asked: true },
  { head: 'home secretary', titleWords: ['Home', 'Secretary'] },
  { head: 'secretary of state' },
  { head: 'secretary', titleWords: ['Secretary'] },
  { head: 'minister', titleWords: ['Minister'] },
  { head: 'envoy', qualifiers: ['special', 'peace'], titleWords: ['Envoy', 'Special'], namesHolder: true, asked: true, owned: true },
  { head: 'son-in-law', namesHolder: true, asked: true, owned: true },
  { head: 'daughter-in-law' },
  { head: 'father-in-law' },
  // "the president's relative", "the Trump family member": whoever the coverage names as a relation.
  {
    head: 'relative',
    aliases: ['family member', 'in-law', 'relation'],
    asked: true,
    owned: true,
    means: ['son-in-law', 'daughter-in-law', 'father-in-law', 'son', 'daughter', 'wife', 'husband'],
  },
  { head: 'son', owned: true },
  { head: 'daughter', owned: true },
  { head: 'wife', owned: true },
  { head: 'husband', owned: true },
  { head: 'adviser', aliases: ['advisor'], asked: true, owned: true },
  { head: 'aide', asked: true, owned: true, means: ['aide', 'adviser'] },
  { head: 'spokesman', asked: true, owned: true },
  { head: 'spokeswoman', asked: true, owned: true },
  { head: 'spokesperson' },
  { head: 'leader', aliases: ['boss'], titleWords: ['Leader'], asked: true, means: ['president', 'prime minister'] },
  { head: 'ambassador', titleWords: ['Ambassador'] },
  // Copy calls the negotiators envoys: "the American negotiator" is a US envoy.
  { head: 'negotiator', asked: true, owned: true, means: ['negotiator', 'envoy'] },
  { head: 'diplomat' },
  { head: 'official' },
  { head: 'chief', titleWords: ['Chief'] },
  { head: 'head' },
  { head: 'commander' },
  { head: 'general', titleWords: ['General'] },
  { head: 'admiral', titleWords: ['Admiral'] },
  { head: 'senator', titleWords: ['Senator'] },
  { head: 'governor', titleWords: ['Governor'] },
  { head: 'mayor', titleWords: ['Mayor'] },
  { head: 'king', titleWords: ['King'] },
  { head: 'queen', titleWords: ['Queen'] },
  { head: 'prince', titleWords: ['Prince'] },
  { head: 'princess', titleWords: ['Princess'] },
  { head: 'pope', titleWords: ['Pope'] },
  { head: 'speaker', titleWords: ['Speaker'] },
  { head: 'commissioner', titleWords: ['Commissioner'] },
  { head: 'chairman', titleWords: ['Chairman'] },
  // An office stands for the person or body that holds it: "the official residence of the French president".
  { head: 'office', owned: true },
  // Where an office sits: "the french presidential palace" is the official residence of the French president.
  { head: 'residence', means: ['residence', 'palace'] },
  { head: 'palace', means: ['palace', 'residence'] },
];

/** Words that qualify a title without being one on their own: "Vice President", "Deputy Prime Minister". */
const TITLE_QUALIFIERS = ['Vice', 'Deputy'];

/** Words of office written capitalised before a name ("President", "Prime", "Minister", "Foreign", "Vice"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([...ROLES.flatMap((r) => r.titleWords ?? []), ...TITLE_QUALIFIERS]);

/**
 * One-word role nouns, lower case ("president", "envoy", "son-in-law", "pm", "premier"): used to read
 * appositives and descriptions ("Mr Trump's son-in-law", "his special envoy to the Middle East", "the
 * official residence of the French president").
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  ROLES.flatMap((r) => [r.head, ...(r.aliases ?? [])])
    .filter((w) => !w.includes(' '))
    .map((w) => w.toLowerCase()),
);

/**
 * Every way of writing each role (head and aliases; with `qualified`, also each qualifier before the
 * head: "special envoy"), with the role it means.
 */
export function roleWordings(filter: (role: Role) => boolean = () => true, qualified = false): { wording: string; role: Role }[] {
  return ROLES.filter(filter).flatMap((role) =>
    [role.head, ...(role.aliases ?? []), ...(qualified ? (role.qualifiers ?? []).map((q) => `${q} ${role.head}`) : [])].map((wording) => ({ wording, role })),
  );
}

const ROLE_OF = new Map<string, Role>();
for (const { wording, role } of roleWordings(() => true, true)) ROLE_OF.set(wording.toLowerCase(), role);

/** True for an alias that copy must write in capitals to mean the role ("PM", not "pm"). */
export function isCapitalAlias(wording: string): boolean {
  return wording.length > 1 && wording === wording.toUpperCase() && /\p{L}/u.test(wording);
}

/**
 * The role a wording means, or undefined: `PM` and `premier` -> prime minister, `advisor` -> adviser,
 * `special envoy` -> envoy.
 * `asWritten` (copy): a capitals-only alias counts only when written in capitals.
 */
export function roleOf(wording: string, asWritten = false): Role | undefined {
  const normal = wording.replace(/\s+/g, ' ').trim();
  const role = ROLE_OF.get(normal.toLowerCase());
  if (role === undefined || !asWritten) return role;
  const alias = (role.aliases ?? []).find((a) => a.toLowerCase() === normal.toLowerCase());
  return alias !== undefined && isCapitalAlias(alias) && normal !== alias ? undefined : role;
}

/** Words that qualify a role the same way: "the former White House adviser" is "previously a senior adviser in the White House". */
export const QUALIFIER_FORMS: Readonly<Record<string, readonly string[]>> = {
  former: ['previously', 'ex', 'onetime', 'erstwhile', 'past'],
  ex: ['former', 'previously'],
  american: ['us', 'u.s.'],
  british: ['uk', 'britain'],
  presidential: ['president', "president's", 'president’s'],
};
