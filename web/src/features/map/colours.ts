// Map colours: a qualitative palette for sectors, and the four statutory risk colours
// (红橙黄蓝, 安委办〔2016〕11号) for risk levels, most severe first; the credit grades best first.
export const sectorColours = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
  '#8d6e63',
  '#26a69a',
  '#ff7043',
  '#7e57c2',
  '#78909c',
];
export const riskColours = ['#e53935', '#fb8c00', '#fdd835', '#1e88e5'];
/** Credit grades A–D (credit.scheme.ts): green for trusted, red for the grade the draw weighs most. */
export const creditColours = ['#52c41a', '#1677ff', '#fa8c16', '#cf1322'];
