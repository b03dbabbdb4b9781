// The desktop's own notifications for what happens while nobody looks at Berth's window: a container that
// failed by itself or was OOM-killed, a stats alert, the engine stopping, a pull or push the user started
// ending. Each kind can be turned off in Settings (asked at each notice, so a change applies at once), and
// a click opens the page it is about.
import { Notification } from 'electron';
import type { Core } from '../core/create-core';
import type { SettingsView } from '../shared/settings-types';
import { newNoticeMemory, noticeFor, type Notice } from './notice-rules';

export function attachDesktopNotifications(core: Core, openPage: (path: string) => void): () => void {
  const memory = newNoticeMemory();
  const show = async (notice: Notice) => {
    const reply = await core.router.handle('settings:get', {});
    const wanted = reply.ok ? (reply.data as SettingsView).settings.desktopNotifications?.[notice.kind] : true;
    if (wanted === false || !Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    notification.on('click', () => openPage(notice.path));
    notification.show();
  };
  return core.hub.subscribe((event, payload) => {
    const notice = noticeFor(event, payload, memory);
    if (notice) void show(notice);
  });
}
