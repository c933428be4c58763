// Scores and gaps have two decimals (DOMAIN.md: "decimals allowed", JPM "with two decimals"). Working in
// integer hundredths keeps 26.66 − 27 = −0.34 exact instead of −0.33999999.

export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** True when the number has at most two decimals (1.25 yes, 1.255 no). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}
