import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { GrantRequest, SubscribeTemplates, TemplateKey } from '../../shared/schemas/inbox';
import { ti } from '../i18n/inbox';
import { call } from '../services/api';
import { wechatLoginCode } from '../services/session';

type Offered = z.infer<typeof SubscribeTemplates>['items'];
type Answers = GrantRequest['answers'];
const WEAPP = process.env.TARO_ENV === 'weapp';
let offered: Promise<Offered> | undefined;

/**
 * The stage's templates, asked once per app start. Only the mini-program can
 * ask WeChat; an H5 page offers it only on the local demo, where a dialog stands
 * in for WeChat's own (the demo sign-in exists there and nowhere else).
 */
function templates() {
  offered ??= (async () => {
    if (
      !WEAPP &&
      !(await call('demoPeople').then(
        () => true,
        () => false,
      ))
    )
      return [];
    return (await call('subscribeTemplates')).items;
  })().catch(() => {
    offered = undefined;
    return [];
  });
  return offered;
}

const ANSWERS: string[] = ['accept', 'reject', 'ban'] satisfies Answers[string][];

/** What the person said for each template: WeChat's dialog in the mini-program, the demo's stand-in on H5. */
async function askWechat(ids: string[]): Promise<Answers> {
  if (WEAPP) {
    // Must be the first thing the tap does: WeChat shows its dialog only from a tap.
    const r = (await Taro.requestSubscribeMessage({ tmplIds: ids } as never)) as unknown as Record<string, string>;
    return Object.fromEntries(ids.flatMap((id) => (ANSWERS.includes(r[id]) ? [[id, r[id] as Answers[string]]] : [])));
  }
  const { confirm } = await Taro.showModal({ title: ti.notify.demoTitle, content: ti.notify.demoContent });
  return Object.fromEntries(ids.map((id) => [id, confirm ? ('accept' as const) : ('reject' as const)]));
}

/**
 * "答复时通知我": asks, at the moment it makes sense, to send WeChat messages on
 * these templates, and records the answer with the server (a one-time grant is
 * one message). Nothing shows where WeChat can't send.
 */
export function NotifyMe({ id, label, keys }: { id: string; label: string; keys: TemplateKey[] }) {
  const [ids, setIds] = useState<string[]>([]);
  const [said, setSaid] = useState('');
  const wanted = keys.join(); // a new array each render, the same templates
  useEffect(() => {
    let live = true;
    templates().then((all) => {
      if (live) setIds(all.filter((t) => wanted.split(',').includes(t.template)).map((t) => t.templateId));
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  if (!ids.length) return null;
  if (said)
    return (
      <View className="vh-hint" id={`${id}-said`}>
        {said}
      </View>
    );
  const ask = async () => {
    try {
      const answers = await askWechat(ids);
      if (!Object.keys(answers).length) return;
      const code = await wechatLoginCode();
      if (!code) return;
      await call('recordGrants', { body: { code, answers } });
      setSaid(Object.values(answers).includes('accept') ? ti.notify.on : ti.notify.off);
    } catch {
      setSaid(ti.notify.failed);
    }
  };
  return (
    <Button id={id} className="vh-button vh-button-plain" onClick={ask}>
      {label}
    </Button>
  );
}
