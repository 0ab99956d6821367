/** Numbers as people read them: `25,000 deliveries`, `1.5 MB`. */
export function formatAmount(value: number, unit: string): string {
  if (unit === 'bytes') return formatBytes(value);
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${i === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${units[i]}`;
}
