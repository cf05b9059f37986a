/**
 * Every screen and dialog of the workbench, reached as a manager would (sections, a rep, a
 * deal and its review, a one-on-one, and the dialogs their keys open), for tests that must
 * hold everywhere: no request leaves the page's origin, no accessibility violation.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { sectionHash, SECTIONS } from '../../shared/sections';

export interface Stop {
  name: string;
  /** Gets there from wherever the walk is; the page is ready when this resolves. */
  open: (page: Page, base: string) => Promise<void>;
}

const heading = (page: Page) => expect(page.locator('main h1').first()).toBeVisible();
const dialog = async (page: Page, key: string) => {
  await page.keyboard.press(key);
  await expect(page.getByRole('dialog')).toBeVisible();
};
const closeDialog = async (page: Page) => {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
};
/** Goes to a screen, closing a dialog left open first (a hash change keeps the page and its dialogs). */
const goTo = async (page: Page, base: string, hash: string) => {
  if (await page.getByRole('dialog').count()) await closeDialog(page);
  await page.goto(`${base}${hash}`);
  await heading(page);
};
/** The first link in the main table, for a rep or a deal that surely exists in the demo. */
const firstRowLink = async (page: Page) => {
  const link = page.locator('main table tbody tr[data-index="0"] a').first();
  await expect(link).toBeVisible();
  await link.click();
  await heading(page);
};

export const STOPS: Stop[] = [
  ...SECTIONS.map((s) => ({
    name: s.label,
    open: async (page: Page, base: string) => {
      await goTo(page, base, sectionHash(s.name));
      await page.waitForLoadState('networkidle');
    },
  })),
  {
    name: 'Team: add a rep (dialog)',
    open: async (page, base) => {
      await goTo(page, base, '#/team');
      await dialog(page, 'n');
    },
  },
  {
    name: 'Rep page',
    open: async (page, base) => {
      await goTo(page, base, '#/team');
      await firstRowLink(page);
      await page.waitForLoadState('networkidle');
    },
  },
  { name: 'Rep page: add a deal (dialog)', open: async (page) => dialog(page, 'n') },
  { name: 'Rep page: add a coaching note (dialog)', open: async (page) => (await closeDialog(page), await dialog(page, 'c')) },
  { name: 'Rep page: edit the rep (dialog)', open: async (page) => (await closeDialog(page), await dialog(page, 'e')) },
  {
    name: 'Deal page',
    open: async (page) => {
      await closeDialog(page);
      await firstRowLink(page);
      await page.waitForLoadState('networkidle');
    },
  },
  { name: 'Deal page: edit the deal (dialog)', open: async (page) => dialog(page, 'e') },
  {
    name: 'Deal review',
    open: async (page) => {
      await closeDialog(page);
      await page.keyboard.press('r');
      await heading(page);
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'One-on-one',
    open: async (page, base) => {
      await goTo(page, base, '#/team');
      await firstRowLink(page);
      const meeting = page.locator('main a[href^="#/one-on-ones/"]').first();
      await expect(meeting).toBeVisible();
      await meeting.click();
      await heading(page);
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'Command palette: search results',
    open: async (page) => {
      await page.keyboard.press('Control+k');
      const input = page.getByRole('dialog').getByRole('combobox');
      await input.fill('an');
      await expect(page.getByRole('dialog').getByRole('group').first()).toBeVisible();
    },
  },
  {
    name: 'Command palette: pick a rep',
    open: async (page) => {
      const input = page.getByRole('dialog').getByRole('combobox');
      await input.fill('new note');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog').getByRole('group', { name: 'Reps' })).toBeVisible();
    },
  },
  { name: 'Keyboard shortcuts (dialog)', open: async (page) => (await closeDialog(page), await dialog(page, '?')) },
];
