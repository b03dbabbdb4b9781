// Small line icons for the sidebar and row actions. Always decorative (aria-hidden): the link text or the
// button's aria-label names the control.

const paths = {
  dashboard: 'M3 3h6v8H3zM11 3h6v5h-6zM11 10h6v7h-6zM3 13h6v4H3z',
  containers: 'M10 2.5 17 6v8l-7 3.5L3 14V6zM3 6l7 3.5L17 6M10 9.5v8',
  images: 'M10 2.5 17.5 6.5 10 10.5 2.5 6.5zM2.5 10 10 14l7.5-4M2.5 13.5 10 17.5l7.5-4',
  volumes:
    'M3.5 4.5c0-1.1 2.9-2 6.5-2s6.5.9 6.5 2v11c0 1.1-2.9 2-6.5 2s-6.5-.9-6.5-2zM3.5 4.5c0 1.1 2.9 2 6.5 2s6.5-.9 6.5-2M3.5 10c0 1.1 2.9 2 6.5 2s6.5-.9 6.5-2',
  networks:
    'M10 3.5a2 2 0 1 0 0 .01zM4 14.5a2 2 0 1 0 0 .01zM16 14.5a2 2 0 1 0 0 .01zM10 5.5v4M10 9.5 4.8 13M10 9.5l5.2 3.5',
  engine:
    'M6 4h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM8 8h4v4H8zM8 1.5V4M12 1.5V4M8 16v2.5M12 16v2.5M1.5 8H4M1.5 12H4M16 8h2.5M16 12h2.5',
  settings: 'M3 5h9M15 5h2M3 10h3M9 10h8M3 15h7M13 15h4M12 3.5v3M6 8.5v3M10 13.5v3',
  registries: 'M3 8.5 10 4l7 4.5M4.5 9v6M8 9v6M12 9v6M15.5 9v6M3 16.5h14',
  replicas: 'M2.5 7.5h8v8h-8zM5.5 4.5h8v8M8.5 1.5h9v9',
  start: 'M6.5 4.5v11l9-5.5z',
  stop: 'M5.5 5.5h9v9h-9z',
  remove: 'M4 5.5h12M8 5.5V3.5h4v2M5.5 5.5l.8 11h7.4l.8-11M8.5 8.5v5.5M11.5 8.5v5.5',
  spinner: 'M10 3a7 7 0 1 1-7 7',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 20 20"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Three dots: the button that opens a row's menu of further actions. */
export function MoreIcon() {
  return (
    <svg viewBox="0 0 20 20" width={16} height={16} aria-hidden="true" focusable="false">
      <circle cx="4.5" cy="10" r="1.5" fill="currentColor" />
      <circle cx="10" cy="10" r="1.5" fill="currentColor" />
      <circle cx="15.5" cy="10" r="1.5" fill="currentColor" />
    </svg>
  );
}
