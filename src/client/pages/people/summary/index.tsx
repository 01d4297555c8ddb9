import { Page } from '../../../components/page';
import { useMe } from '../../../components/use-me';
import { SummaryPanel } from '../roster';

/** The roster in numbers, for township staff and the village's overseers: no names, counts only. */
export default function SummaryPage() {
  const me = useMe();
  return (
    <Page>
      <SummaryPanel me={me} />
    </Page>
  );
}
