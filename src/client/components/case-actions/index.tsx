import { Button, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Case, CaseAction } from '../../../shared/schemas/case';
import { fieldsOf } from '../../services/api';
import { AcceptForm, AssignForm, DeclineForm, MergeForm, SortForm, TransferForm } from './deciding';
import { A, type FormProps } from './form';
import { MeetingForm, TopicFromCase } from './raising';
import { ExtendForm, ProgressForm, ReplyForm } from './working';

type StaffAction = Exclude<CaseAction, 'rate' | 'second' | 'cosign'>;
/** The handling steps, in the order a case goes through them; the petitioner's own (rate, 附议, 联名) are not here. */
const ORDER: StaffAction[] = [
  'accept',
  'decline',
  'assign',
  'progress',
  'extend',
  'reply',
  'merge',
  'topic',
  'meeting',
  'sort',
  'transfer',
];
const DANGER: StaffAction[] = ['decline', 'merge', 'transfer'];

/**
 * The staff's steps on a case (受理, 转办, 答复…): one big button for each step the
 * server says the caller may take now (`me.actions`), each opening its small form.
 * The answer (the case as it now stands) goes to `onChanged`.
 */
export function CaseActions({ caseView, onChanged }: { caseView: Case; onChanged: (c: Case) => void }) {
  const [open, setOpen] = useState<StaffAction>();
  const [done, setDone] = useState('');
  const actions = ORDER.filter((a) => caseView.me.actions.includes(a));
  // A new state of the case (from here or a reload) closes whatever form no longer applies.
  useEffect(() => {
    if (open && !caseView.me.actions.includes(open)) setOpen(undefined);
  }, [caseView, open]);
  if (!actions.length) return null;

  const send: FormProps['send'] = async (run, setErrors) => {
    setErrors({});
    try {
      const next = await run();
      const label = open ? A.labels[open] : '';
      setOpen(undefined);
      setDone(`${label}：${A.done}`);
      onChanged(next);
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  const props = { c: caseView, send };
  const forms: Record<StaffAction, () => JSX.Element> = {
    accept: () => <AcceptForm {...props} />,
    decline: () => <DeclineForm {...props} />,
    assign: () => <AssignForm {...props} />,
    progress: () => <ProgressForm {...props} />,
    extend: () => <ExtendForm {...props} />,
    reply: () => <ReplyForm {...props} />,
    merge: () => <MergeForm {...props} />,
    topic: () => <TopicFromCase c={caseView} onChanged={onChanged} />,
    meeting: () => <MeetingForm {...props} />,
    transfer: () => <TransferForm {...props} />,
    sort: () => <SortForm {...props} />,
  };

  return (
    <View className="vh-card" id="case-actions">
      <View className="vh-card-title">{A.title}</View>
      {done && (
        <View className="vh-banner vh-banner-ok" id="case-action-done">
          {done}
        </View>
      )}
      {open ? (
        <View id={`case-form-${open}`}>
          <View className="vh-subtitle">{A.labels[open]}</View>
          {forms[open]()}
          <Button id="case-form-cancel" className="vh-button vh-button-plain" onClick={() => setOpen(undefined)}>
            {A.cancel}
          </Button>
        </View>
      ) : (
        <>
          <View className="vh-hint">{A.hint}</View>
          {actions.map((a) => (
            <Button
              key={a}
              id={`case-action-${a}`}
              className={`vh-button ${DANGER.includes(a) ? 'vh-button-danger' : a === actions[0] ? 'vh-button-primary' : 'vh-button-plain'}`}
              onClick={() => {
                setDone('');
                setOpen(a);
              }}
            >
              {A.labels[a]}
            </Button>
          ))}
        </>
      )}
    </View>
  );
}
