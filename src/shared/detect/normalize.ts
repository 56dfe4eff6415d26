/** Strip accents, keeping base letters ("desintoxicación" -> "desintoxicacion"). */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
