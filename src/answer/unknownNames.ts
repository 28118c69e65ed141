/** The abstention reason for names the coverage (or one outlet's coverage) never mentions; null when there are none. */
export function unknownNamesReason(names: readonly string[], outlet: string | null): string | null {
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
  return outlet ? `${outlet}'s coverage never mentions ${list}.` : `The coverage never mentions ${list}.`;
}
