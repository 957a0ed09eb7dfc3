// "Today" for the workbench, as a China date; one indirection so tests can stand on a chosen day.
import { cstDate } from '../../platform/time';

export const workbenchClock = {
  today: (): string => cstDate(),
};
