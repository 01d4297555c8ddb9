import { Button, Text, View } from '@tarojs/components';
import type { Case } from '../../../../shared/schemas/case';
import { ActionButton } from '../../../components/action';
import { tc } from '../../../i18n/cases';
import { call } from '../../../services/api';
import { formatDate } from '../../../services/format';

/** A button for something already done: greyed, whatever attribute value Taro gives `disabled`. */
const DONE = { opacity: 0.6 };

/** One bar of progress toward a threshold. */
function Progress({
  id,
  label,
  text,
  value,
  max,
}: {
  id: string;
  label: string;
  text: string;
  value: number;
  max: number;
}) {
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <View id={id} style={{ margin: '10px 0' }}>
      <View className="vh-row" style={{ justifyContent: 'space-between' }}>
        <Text>{label}</Text>
        <Text className="vh-progress-value" style={{ fontWeight: 'bold', textAlign: 'right' }}>
          {text}
        </Text>
      </View>
      <View style={{ background: '#eee', borderRadius: '6px', height: '18px', overflow: 'hidden' }}>
        <View style={{ background: '#a31515', width: `${share}%`, height: '100%' }} />
      </View>
    </View>
  );
}

/** 联名: how many have co-signed against what the law asks, the duty once reached, and the button. */
export function CoSigning({ c, onChanged }: { c: Case; onChanged: (c: Case) => void }) {
  const s = c.coSigning;
  if (!s) return null;
  const meeting = tc.meetings[s.asksFor];
  const canSign = c.me.actions.includes('cosign');
  return (
    <View className="vh-card" id="case-cosigning">
      <View className="vh-card-title">{tc.detail.coSigning(meeting)}</View>
      <Progress
        id="cosign-adults"
        label={tc.detail.coSigners}
        text={tc.detail.coSignersOf(s.coSigners, s.adultsNeeded)}
        value={s.coSigners}
        max={s.adultsNeeded ?? s.coSigners}
      />
      <Progress
        id="cosign-representatives"
        label={tc.detail.representatives}
        text={tc.detail.representativesOf(s.representatives, s.representativesNeeded)}
        value={s.representatives}
        max={s.representativesNeeded}
      />
      {s.adultsNeeded !== undefined && <View className="vh-hint">{tc.detail.coSignRule}</View>}
      {c.duty && (
        <View className="vh-banner vh-banner-withdrawn" id="case-duty" style={{ borderLeftColor: '#a31515' }}>
          <View style={{ fontWeight: 'bold' }}>{tc.detail.duty(tc.meetings[c.duty.body], c.duty.noticeDays)}</View>
          <View>{c.duty.basis}</View>
          <View className="vh-meta">{tc.detail.dutyReached(formatDate(c.duty.reachedAt))}</View>
          <View id="case-duty-convened">
            {c.duty.convened ? tc.detail.convened(c.duty.convened.on, c.duty.convened.place) : tc.detail.notConvened}
          </View>
        </View>
      )}
      {c.me.coSigned ? (
        <Button id="cosign-case" className="vh-button vh-button-plain" disabled style={DONE}>
          {tc.detail.coSigned}
        </Button>
      ) : (
        canSign && (
          <ActionButton
            id="cosign-case"
            label={tc.detail.coSign}
            doneText={tc.detail.coSignDone}
            run={async () => onChanged(await call('coSignCase', { params: { caseId: c.caseId } }))}
          />
        )
      )}
    </View>
  );
}

/** 附议: how many support this suggestion, and "me too" for those who may. */
export function Seconds({ c, onSeconded }: { c: Case; onSeconded: (seconds: number) => void }) {
  const can = c.me.actions.includes('second');
  return (
    <View className="vh-card" id="case-seconds">
      <View className="vh-subtitle" id="case-seconds-count">
        {tc.detail.seconds(c.seconds)}
      </View>
      {c.me.seconded ? (
        <Button id="second-case" className="vh-button vh-button-plain" disabled style={DONE}>
          {tc.detail.seconded}
        </Button>
      ) : (
        can && (
          <ActionButton
            id="second-case"
            label={tc.detail.second}
            doneText={tc.detail.secondDone}
            run={async () => onSeconded((await call('secondCase', { params: { caseId: c.caseId } })).seconds)}
          />
        )
      )}
    </View>
  );
}
