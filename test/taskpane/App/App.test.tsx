/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/taskpane/App/App';
import { SETTINGS_KEY, createStorageSettingsStore } from '../../../src/taskpane/Settings/store';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

function renderApp(storage: MapStorage, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  return render(<App locale={locale} workbook={new MemoryWorkbook()} settingsStore={createStorageSettingsStore(storage, 'p/')} />);
}

const stored = (storage: MapStorage) => JSON.parse(storage.getItem(`p/${SETTINGS_KEY}`) ?? 'null');

describe('App', () => {
  it('every tab has content (no empty tab is shipped)', async () => {
    renderApp(new MapStorage(), 'en-US');
    const tabs = screen.getAllByRole('tab');
    expect(tabs.length).toBeGreaterThanOrEqual(4);
    for (const tab of tabs) {
      await userEvent.click(tab);
      expect(tab.getAttribute('aria-selected')).toBe('true');
      // The section rendered after the tab list (loaded on first use) has real content.
      await waitFor(() => expect(screen.getByRole('tablist').nextElementSibling?.textContent?.length ?? 0).toBeGreaterThan(20));
    }
  });

  it('switches the pane language live and remembers it', async () => {
    const storage = new MapStorage();
    const { unmount } = renderApp(storage, 'zh-CN');
    expect(screen.getByRole('heading', { name: '销售复盘' })).toBeTruthy();
    await userEvent.click(screen.getByRole('tab', { name: '设置' }));
    expect(((await screen.findByRole('radio', { name: '自动(跟随 Office 显示语言:中文)' })) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Sales Review' })).toBeTruthy();
    for (const name of ['Templates', 'Goals', 'Functions', 'Settings']) expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Pane language' })).toBeTruthy();
    expect(stored(storage)).toMatchObject({ language: 'en-US' });
    unmount();

    // Reopened: English straight away, although Office is Chinese.
    renderApp(storage, 'zh-CN');
    expect(screen.getByRole('heading', { name: 'Sales Review' })).toBeTruthy();
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    await userEvent.click(await screen.findByRole('radio', { name: 'Automatic (Office display language: 中文)' }));
    expect(screen.getByRole('heading', { name: '销售复盘' })).toBeTruthy();
    expect(stored(storage)).toMatchObject({ language: 'auto' });
  });

  it('the gallery starts from the remembered defaults, and remembers changes made there', async () => {
    const storage = new MapStorage();
    const { unmount } = renderApp(storage, 'en-US');
    const samples = () => screen.getByRole('switch', { name: 'Include sample rows' }) as HTMLInputElement;
    expect(samples().checked).toBe(true);
    await userEvent.click(samples());
    expect(stored(storage)).toEqual({ language: 'auto', samples: false, portable: false });
    unmount();

    renderApp(storage, 'en-US');
    expect(samples().checked).toBe(false);
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(((await screen.findByRole('switch', { name: 'Include sample rows' })) as HTMLInputElement).checked).toBe(false);
    await userEvent.click(screen.getByRole('switch', { name: 'Portable formulas (compute without the add-in; also used for goal rows)' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    expect((screen.getByRole('switch', { name: 'Portable formulas (compute without the add-in)' }) as HTMLInputElement).checked).toBe(true);
    expect(stored(storage)).toEqual({ language: 'auto', samples: false, portable: true });
  });

  it('corrupt stored settings open the pane with the defaults', () => {
    const storage = new MapStorage();
    storage.setItem(`p/${SETTINGS_KEY}`, '{oops');
    renderApp(storage, 'en-US');
    expect(screen.getByRole('heading', { name: 'Sales Review' })).toBeTruthy();
  });

  it('keeps the goal form when visiting another tab', async () => {
    renderApp(new MapStorage(), 'en-US');
    await userEvent.click(screen.getByRole('tab', { name: 'Goals' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Period target' }), '500');
    await userEvent.click(screen.getByRole('tab', { name: 'Functions' }));
    await screen.findByRole('searchbox');
    await userEvent.click(screen.getByRole('tab', { name: 'Goals' }));
    expect(((await screen.findByRole('textbox', { name: 'Period target' })) as HTMLInputElement).value).toBe('500');
  });
});
