// Learning and Support resources (docs/sources.md, Navigation "Learning": training videos, sample
// projects, the Docs and the Knowledge Base; Support opens the Help Center). Addresses are Chaos's
// public sites.
export interface Resource {
  title: string;
  text: string;
  url: string;
}

export const learning: Resource[] = [
  {
    title: 'Chaos Docs',
    text: 'Product documentation for V-Ray, Corona, Enscape, Phoenix and Chaos Cloud, by version.',
    url: 'https://docs.chaos.com/',
  },
  {
    title: 'Knowledge Base',
    text: 'Answers to licensing questions: license server setup, borrowing, dongles, activation.',
    url: 'https://support.chaos.com/hc/en-us',
  },
  {
    title: 'Chaos Campus',
    text: 'Training videos and courses from first steps to advanced lighting and materials.',
    url: 'https://www.chaos.com/campus',
  },
  {
    title: 'Sample projects',
    text: 'Scenes to download and study, with the settings the artists used.',
    url: 'https://www.chaos.com/resources',
  },
  {
    title: 'Chaos Cloud rendering guide',
    text: 'Submitting scenes, credit estimates and how jobs are charged.',
    url: 'https://docs.chaos.com/display/CCR',
  },
];

export const inThisApp: Array<{ title: string; text: string }> = [
  {
    title: 'Seats for your render apps',
    text: 'Licensing → License Servers shows the local license server (port 30304) and who holds which seat; clm status prints the same from a terminal.',
  },
  {
    title: 'Working offline',
    text: 'Borrow a seat before you travel; it returns by itself at the end of the period, or earlier with Return.',
  },
  {
    title: 'Renewals and seats',
    text: 'Products → Active products: add seats at a price prorated to the renewal date, and switch auto-renewal within its window (annual: until 30 days before, monthly: until 7 days before).',
  },
];

export const support: Resource[] = [
  {
    title: 'Help Center',
    text: 'Search answers or open a request with the support team.',
    url: 'https://support.chaos.com/hc/en-us',
  },
  {
    title: 'Submit a request',
    text: 'Change the email of your account, licensing problems, invoices and payments.',
    url: 'https://support.chaos.com/hc/en-us/requests/new',
  },
  {
    title: 'System status',
    text: 'Whether Chaos Cloud and the licensing service are up.',
    url: 'https://status.chaos.com/',
  },
];
