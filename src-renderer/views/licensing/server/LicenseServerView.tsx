// License server sub-tab. Placeholder until the seat-status view lands in this folder.
import { Placeholder } from '../../../components/Placeholder.tsx';

export function LicenseServerView() {
  return (
    <Placeholder
      icon="server"
      lead="This is where you will see the license server on this machine and the seats it hands out to your render apps."
      sections={[
        {
          title: 'Seats in use',
          text: 'For each product, the seats in use out of the total, and who holds each one: user, host, since when, and the last heartbeat.',
        },
        {
          title: 'Borrowed and dongle seats',
          text: 'Licenses borrowed for offline use, and seats from USB dongles plugged into this machine.',
        },
        {
          title: 'Activation',
          text: 'Activate the license server online, or with an activation request file on a machine without internet access.',
        },
        {
          title: 'Borrowing',
          text: 'Borrow a license for offline use. Borrowing reserves one of your floating licenses, making it unavailable to other license servers until you return it.',
        },
      ]}
    />
  );
}
