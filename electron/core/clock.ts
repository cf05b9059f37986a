import { localDate } from '../../shared/domain/periods';

/** Injected everywhere a date is needed, so tests and demos can freeze time. */
export interface Clock {
  now(): Date;
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localDate(new Date()),
};

export const fixedClock = (today: string): Clock => ({
  now: () => new Date(`${today}T12:00:00Z`),
  today: () => today,
});
