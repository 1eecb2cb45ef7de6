// The aims the figures are kept under: a figure over its aim is said on stderr (the run goes on,
// since one slow hour of a shared machine should not hide the other figures).
export function warnOverBudget(name: string, value: number, budget: number, unit = 'ms'): void {
  if (value > budget) process.stderr.write(`bench: ${name} ${value.toFixed(unit === 'ms' ? 0 : 2)} ${unit} is over its ${budget} ${unit} aim\n`);
}
