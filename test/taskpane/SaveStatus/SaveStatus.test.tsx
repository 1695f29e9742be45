/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/taskpane/App/App';
import { SaveStatus } from '../../../src/taskpane/SaveStatus/SaveStatus';
import { MemoryFiles } from '../../workbook/memoryFiles';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

describe('SaveStatus', () => {
  it('shows the file name and follows the save state, in both languages', () => {
    const files = new MemoryFiles();
    const { rerender } = render(<SaveStatus locale="zh-CN" files={files} />);
    expect(screen.getByText('team.xlsx')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^已保存 (\d{4}-\d\d-\d\d )?14:02$/);
    act(() => files.setState({ kind: 'saving' }));
    expect(screen.getByRole('status').textContent).toBe('正在保存…');
    act(() => files.setState({ kind: 'unsaved', reason: { zh: '无法连接本地服务器', en: 'Cannot reach the local server' } }));
    expect(screen.getByRole('status').textContent).toBe('未保存:无法连接本地服务器');
    rerender(<SaveStatus locale="en-US" files={files} />);
    expect(screen.getByRole('status').textContent).toBe('Not saved: Cannot reach the local server');
    act(() => files.setState({ kind: 'pending' }));
    expect(screen.getByRole('status').textContent).toBe('Changed; saving shortly');
    act(() => files.setState({ kind: 'unwritten' }));
    expect(screen.getByRole('status').textContent).toBe('Not written yet: your first change creates this copy');
    act(() => files.setState({ kind: 'writingFile', at: '2026-03-31T14:02:00' }));
    expect(screen.getByRole('status').textContent).toMatch(/^In the version history (\d{4}-\d\d-\d\d )?14:02; writing the file…$/);
    rerender(<SaveStatus locale="zh-CN" files={files} />);
    expect(screen.getByRole('status').textContent).toMatch(/^已存入版本历史 (\d{4}-\d\d-\d\d )?14:02,正在写入文件…$/);
  });

  it('after a conflict says so and offers Reload', async () => {
    const files = new MemoryFiles();
    render(<SaveStatus locale="en-US" files={files} />);
    act(() => files.setState({ kind: 'conflict' }));
    expect(screen.getByRole('status').textContent).toMatch(/another tab saved this workbook/);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(files.calls).toEqual(['reload']);
  });

  it('says why nothing is saved when the host has no files', () => {
    render(<SaveStatus locale="en-US" problem={{ zh: '没有服务器', en: 'no server' }} />);
    expect(screen.getByRole('status').textContent).toBe('Not saved: no server');
  });
});

it('shows what opening the workbook found until dismissed, in the pane language', async () => {
  const files = new MemoryFiles();
  files.notices = [{ zh: '第 3 版已损坏,已改名保留', en: 'Version 3 was damaged and set aside' }];
  render(<SaveStatus locale="zh-CN" files={files} />);
  expect(screen.getByText('第 3 版已损坏,已改名保留')).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: '知道了' }));
  expect(screen.queryByText('第 3 版已损坏,已改名保留')).toBeNull();
});

describe('App with and without files', () => {
  it('has a File tab only when the host gives files (Excel does not)', () => {
    const { unmount } = render(<App locale="en-US" workbook={new MemoryWorkbook()} />);
    expect(screen.queryByRole('tab', { name: 'File' })).toBeNull();
    expect(screen.queryByText('team.xlsx')).toBeNull();
    unmount();
    render(<App locale="en-US" workbook={new MemoryWorkbook()} files={new MemoryFiles()} />);
    expect(screen.getByRole('tab', { name: 'File' })).toBeTruthy();
    expect(screen.getByText('team.xlsx')).toBeTruthy();
  });
});
