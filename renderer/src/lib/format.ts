import { useMemo } from 'react';
import { formatDate, formatMoney, formatPercent, formatShortDate } from '../../../shared/domain/format';
import { useApp } from '../app/appStore';

/** Formatting in the user's own locale and the team's currency (stable while the currency is). */
export function useFormat() {
  const currency = useApp((s) => s.settings?.currency ?? 'USD');
  return useMemo(
    () => ({
      money: (n: number, cur = currency) => formatMoney(n, cur),
      compactMoney: (n: number, cur = currency) => formatMoney(n, cur, undefined, true),
      date: (d: string | null | undefined) => formatDate(d),
      shortDate: (d: string | null | undefined) => formatShortDate(d),
      percent: (f: number | null) => formatPercent(f),
    }),
    [currency],
  );
}
