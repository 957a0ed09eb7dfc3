// "Today" for 工作方案 (China day): late/missing reports and the filing day; tests set it.
import { cstDate } from '../../platform/time';

export const workplansClock = {
  today: (): string => cstDate(),
};
