// Today (China day) for the warnings module; tests and the demo seed set it.
import { cstDate } from '../../platform/time';

export const warningsClock = { today: () => cstDate() };
