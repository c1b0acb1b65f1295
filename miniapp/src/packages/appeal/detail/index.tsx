import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { STREETS, streetName, WO_ACTIONS, WO_NO_PATTERN, WO_RATING_NAMES, WO_RATINGS, type WorkOrderAction } from '@yx/shared';
import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { api, ApiError } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import { woApi, type WoActionBody, type WoExtension, type WoPhoto, type WoRating, type WoView } from '../../../api/workorders';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDateTime, formatDay, Timeline } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { Chips } from '../../../components/Chips';
import { TextBox } from '../../../components/TextBox';
import { useActedDetail } from '../../../hooks/useActedDetail';
import { newIdempotencyKey } from '../../../api/client';
import { openWorkOrder } from '../pages';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { WoStateTag } from '../../../components/WoStateTag';
import './index.css';

/** Short enough for a WeChat success toast (7 characters). */
const TOASTS: Record<WorkOrderAction, string> = {
  claim: '已签收', start: '已开始处理', resolve: '已办结回复', return: '已退单', redispatch: '已改派',
};
const ACTION_ORDER: WorkOrderAction[] = ['claim', 'start', 'resolve', 'return', 'redispatch'];
const COMMENT_MAX = 300;
/**
 * One submit at a time for an action form: busy while it runs, a second tap ignored; a failure goes to the
 * page's onError (a 409 notice and reload) and, when it returns a message, to the form's own error line.
 */
function useSubmit(onError: ActionProps['onError'], report: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const send = async (fn: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      const m = onError(e);
      if (m) report(m);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, send };
}

/** 处理进展: 2 to 300 characters, as the server accepts. */
const NOTE_MIN = 2;
const MAX_PHOTOS = 9;
/** 延期: 1 to 10 working days, as the server accepts. */
const EXTENSION_DAYS = Array.from({ length: 10 }, (_, i) => String(i + 1));

interface ActionProps {
  d: WoView;
  onDone: (d: WoView, toast: string) => void;
  /** The message to show beside the action, or undefined when the page handles it (409: notice and reload). */
  onError: (e: unknown) => string | undefined;
}

/** 诉求详情 / 工单办理: the order, its trail, the filer's rating, and the handler's actions. */
export default function WorkOrderDetail() {
  const { params } = useRouter();
  const no = (params?.no ?? '').toUpperCase();
  const session = useSession();
  // 409: someone else acted first (e.g. 该工单已由 X 签收): say so and show the order as it is now
  const { d, state, notice, reload, onDone, onError } = useActedDetail<WoView>(() => {
    if (!session) return Promise.resolve(undefined);
    if (!no) return Promise.reject(new ApiError(400, 'CLIENT', '缺少工单编号，请从“我的诉求”或“待办工单”进入'));
    return woApi.get(no);
  }, [no, Boolean(session)]);

  if (!session) {
    return (
      <Page className="wd">
        <View className="state state-empty">
          <View>登录后可查看诉求详情</View>
          <Button className="btn wd-login" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
        </View>
      </Page>
    );
  }

  return (
    <Page className="wd">
      {notice && <View className="wd-notice" role="alert" data-testid="conflict">{notice}</View>}
      <StateView loading={state.loading && !d} error={d ? undefined : state.error} onRetry={reload}>
        {d && <DetailBody d={d} onDone={onDone} onError={onError} />}
      </StateView>
    </Page>
  );
}

export function DetailBody({ d, onDone, onError }: ActionProps) {
  const handler = Boolean(d.actions);
  const canRate = d.mine === true && d.state === 'resolved'; // a grid official who called it in rates it too
  // only the owner (签收人) may resolve or return: the same person records 处理进展 while handling
  const owner = Boolean(d.actions?.some((a) => a === 'resolve' || a === 'return'));
  const canNote = owner && ['claimed', 'in_progress'].includes(d.state);
  // kept here, not in the panel: what was typed survives the panel going away while a 409 reloads
  const [noteDraft, setNoteDraft] = useState<NoteDraft>(emptyNote);
  const timeline = d.timeline.map((e) => {
    if (!e.photoCount) return e;
    const photos = `附照片 ${e.photoCount} 张`;
    return { ...e, note: e.note ? `${e.note}（${photos}）` : photos };
  });
  return (
    <View>
      <View className="wd-head">
        <View className="wd-cat" data-testid="category">{d.category}</View>
        <View className="wd-sub">工单编号 {d.no}</View>
        <View className="wd-sub">承办：{d.teamName}{d.ownerName ? `（${d.ownerName}）` : ''}</View>
        <View className="wd-tags">
          <WoStateTag state={d.state} name={d.stateName} />
          <Text className="tag tag-gray" data-testid="affected">{d.affected} 人反映</Text>
          {d.reopened && <Text className="tag tag-orange">重新办理</Text>}
          {d.escalated && <Text className="tag tag-red" data-testid="escalated">已提请调度</Text>}
        </View>
      </View>

      <View className="wd-card">
        {d.duplicateOf && (
          <View className="wd-merged" role="link" data-testid="duplicate-of" onClick={() => openWorkOrder(d.duplicateOf!)}>
            已并入 {d.duplicateOf}<Text className="wd-merged-go">查看原工单 ›</Text>
          </View>
        )}
        <View className="wd-desc">{d.description}</View>
        <View className="wd-facts">
          {d.place && <Fact name="地点" value={d.place.address} />}
          {d.street && <Fact name="所在街道" value={streetName(d.street) ?? d.street} />}
          <Fact name="反映时间" value={formatDateTime(d.createdAt)} />
          {['dispatched', 'returned'].includes(d.state) && <Fact name="签收时限" value={formatDateTime(d.claimBy)} />}
          {d.state !== 'closed' && <Fact name="答复期限" value={formatDay(d.replyBy)} />}
          {handler && d.light && (
            <View className="wd-fact" data-testid="light">
              <Text className="muted wd-fact-name">{d.state === 'dispatched' ? '签收时效' : '答复时效'}</Text>
              <TrafficLight small light={d.light} remainingDays={null} />
            </View>
          )}
        </View>
      </View>

      {/* loaded again whenever the order is (first load, after an action, after a 409's reload) */}
      <Photos d={d} />

      {handler && (
        <View className="section" data-testid="filer">
          <View className="section-title">反映人</View>
          <Fact name="反映人" value={d.filer} />
          {d.contactPhone && <Fact name="联系电话" value={d.contactPhone} />}
          {d.contactPreference && <Fact name="回访方式" value={d.contactPreference} />}
          {d.enterprise && <Fact name="所在企业" value={d.enterprise.name ?? '—'} />}
          {d.enterprise && <Fact name="统一社会信用代码" value={d.enterprise.code} />}
          {d.anonymousToPublic && (
            <View className="wd-warn" data-testid="anonymous-note">反映人选择了对外匿名：联系方式仅供办理时回访使用，不得向他人或被反映对象透露。</View>
          )}
        </View>
      )}

      {/* keyed by version and state: a fresh order resets every open form */}
      {handler && <ActionPanel key={`${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />}
      {canNote && <NotePanel d={d} draft={noteDraft} setDraft={setNoteDraft} onDone={onDone} onError={onError} />}
      {handler && (
        <ExtensionPanel key={`ext-${d.version}-${d.state}-${d.extension?.status ?? ''}-${d.extension?.at ?? ''}`} d={d} onDone={onDone} onError={onError} />
      )}
      {handler && d.dispatcher && d.state !== 'closed' && !d.duplicateOf && (
        <DuplicatePanel key={`dup-${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />
      )}

      {canRate && <RateBox d={d} onDone={onDone} onError={onError} />}
      {d.rating && (
        <View className="section" data-testid="given-rating">
          <View className="section-title">评价</View>
          <View>{d.mine ? '您的评价' : '反映人评价'}：<Text className="wd-rated">{WO_RATING_NAMES[d.rating]}</Text></View>
        </View>
      )}
      {!handler && d.mine === false && d.state !== 'closed' && (
        <View className="muted wd-follow">您已关注此问题（我也遇到），办理进展会通知您。</View>
      )}

      <View className="section">
        <View className="section-title">办理过程</View>
        <Timeline entries={timeline} />
      </View>
      <View className="muted wd-foot">如有疑问，可拨打 12345 政务服务热线咨询。</View>
    </View>
  );
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <View className="wd-fact">
      <Text className="muted wd-fact-name">{name}</Text>
      <Text className="wd-fact-value">{value}</Text>
    </View>
  );
}

// ---- 照片 -------------------------------------------------------------------------------------

/** The order's photos by where they come from (反映时上传, 处理进展, 办结照片); tap one to see them all full size. */
function Photos({ d }: { d: WoView }) {
  // d as the key: a new object is a new load of the order (the photo URLs are short-lived anyway)
  const photos = useAsync(() => woApi.photos(d.no), [d]);
  const items = photos.data?.items ?? [];
  if (photos.error) {
    return (
      <View className="muted wd-photos-failed" role="alert">
        照片暂时没有加载出来，<Text className="wd-link" data-testid="wo-photos-retry" onClick={photos.reload}>重试</Text>
      </View>
    );
  }
  if (!items.length) return null; // loading or none: nothing to show
  const groups = new Map<string, WoPhoto[]>();
  for (const p of items) groups.set(p.kind, [...(groups.get(p.kind) ?? []), p]);
  const urls = items.map((p) => p.url);
  return (
    <View className="section" data-testid="wo-photos">
      <View className="section-title">照片</View>
      {[...groups].map(([kind, list]) => (
        <View key={kind} className="wd-pgroup" data-testid="wo-photo-group">
          <View className="wd-pkind">{kind}<Text className="muted wd-pcount">{list.length} 张</Text></View>
          <View className="wd-pgrid">
            {list.map((p, i) => (
              <View
                key={p.fileId} className="wd-pthumb" data-testid="wo-photo" role="button" aria-label={`查看照片：${kind} 第 ${i + 1} 张`}
                onClick={() => Taro.previewImage({ current: p.url, urls })}
              >
                <Image className="wd-pimg" src={p.url} mode="aspectFill" lazyLoad />
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

// ---- 处理进展 -----------------------------------------------------------------------------------

/** What the owner is writing, with the key that makes a retry of it one note (not two). */
interface NoteDraft { text: string; photos: Uploaded[]; key: string }
const emptyNote = (): NoteDraft => ({ text: '', photos: [], key: newIdempotencyKey('wo') });

/** 处理进展: the owner records what was done, with 处理前/处理后 photos; the filer and followers are told. */
function NotePanel({ d, draft, setDraft, onDone, onError }: ActionProps & { draft: NoteDraft; setDraft: Dispatch<SetStateAction<NoteDraft>> }) {
  const { busy, send } = useSubmit(onError, (m) => setFailed(m));
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<string>();

  const submit = async () => {
    const text = draft.text.trim();
    if (text.length < NOTE_MIN) { setError(`处理进展至少 ${NOTE_MIN} 个字，请写明做了什么、进展如何`); return; }
    if (text.length > COMMENT_MAX) { setError(`处理进展不能超过 ${COMMENT_MAX} 字`); return; }
    setError(undefined);
    setFailed(undefined);
    await send(async () => {
      const next = await woApi.addNote(d.no, text, draft.photos.map((p) => p.fileId), draft.key);
      setDraft(emptyNote());
      onDone(next, '已记录');
    });
  };

  return (
    <View className="section" data-testid="note-panel">
      <View className="section-title">处理进展</View>
      <View className="muted wd-note-hint">记录处理情况（如已到现场、已约谈商户），可附处理前、处理后的照片；反映人会收到通知。</View>
      <TextBox
        label="处理进展" hideLabel value={draft.text} max={COMMENT_MAX} error={error} placeholder={`如：已到现场核查，约谈了商户，明日复查（至少 ${NOTE_MIN} 个字）`}
        onInput={(v) => { setDraft((x) => ({ ...x, text: v })); setError(undefined); }}
      />
      <View className="field-label">处理前/处理后照片（选填，最多 {MAX_PHOTOS} 张）</View>
      <PhotoPicker
        dense material="处理进展照片" testId="note-photo" max={MAX_PHOTOS} disabled={busy} photos={draft.photos}
        onChange={(f) => setDraft((x) => ({ ...x, photos: f(x.photos) }))} onUploading={setUploading}
      />
      {failed && <View className="error-text" role="alert" data-testid="note-error">{failed}</View>}
      <Button className="btn wd-submit" data-testid="note-submit" disabled={(busy || uploading) || undefined} loading={busy || undefined} onClick={submit}>
        提交进展
      </Button>
    </View>
  );
}

// ---- 评价 -------------------------------------------------------------------------------------

function RateBox({ d, onDone, onError }: ActionProps) {
  const [value, setValue] = useState<WoRating>();
  const [comment, setComment] = useState('');
  const { busy, send } = useSubmit(onError, (m) => setError(m));
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!value) { setError('请先选择一个评价'); return; }
    setError(undefined);
    await send(async () => {
      const next = await woApi.rate(d.no, value, comment.trim() || undefined);
      onDone(next, value === 'unsatisfied' && !d.reopened ? '已退回重新办理' : '感谢您的评价');
    });
  };

  return (
    <View className="section" data-testid="rate">
      <View className="section-title">评价办理结果</View>
      <View className="muted">承办单位已办结回复，请对办理结果作出评价。</View>
      <View className="wd-rate-choices" role="radiogroup" aria-label="办理评价">
        {WO_RATINGS.map((r, i) => (
          <View
            key={r} className={`wd-rate-choice level-${i} ${value === r ? 'on' : ''}`} role="radio" aria-checked={value === r} aria-label={WO_RATING_NAMES[r]}
            onClick={() => { setValue(r); setError(undefined); }}
          >
            {WO_RATING_NAMES[r]}
          </View>
        ))}
      </View>
      <View className={`wd-rate-note ${value === 'unsatisfied' ? 'on' : ''}`} data-testid="unsatisfied-note">
        {d.reopened
          ? '本诉求已重新办理过一次，选择“不满意”后将结束办理，并记录您的评价。'
          : '选择“不满意”后，诉求将退回承办单位重新办理一次，办结后您可再次评价。'}
      </View>
      <TextBox label="评价内容" hideLabel value={comment} max={COMMENT_MAX} placeholder="说说您对办理结果的看法（选填）" onInput={setComment} />
      {error && <View className="error-text" role="alert">{error}</View>}
      <Button className="btn wd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>提交评价</Button>
    </View>
  );
}

// ---- 办理 -------------------------------------------------------------------------------------

function ActionPanel({ d, onDone, onError }: ActionProps) {
  const actions = ACTION_ORDER.filter((a) => d.actions?.includes(a));
  const [open, setOpen] = useState<WorkOrderAction>();
  const { busy, send } = useSubmit(onError, (m) => setError(m));
  const [error, setError] = useState<string>();

  const run = async <A extends WorkOrderAction>(action: A, body: WoActionBody<A>) => {
    setError(undefined);
    await send(async () => {
      onDone(await woApi.act(d.no, action, body), TOASTS[action]);
    });
  };

  const claim = async () => {
    const r = await Taro.showModal({
      title: '确认签收', content: '签收后由您负责办理，请在答复期限前办结回复。', confirmText: '签收', cancelText: '取消', confirmColor: '#c8161d',
    });
    if (r.confirm) await run('claim', {});
  };

  const props: FormProps = { run, busy };
  return (
    <View className="section" data-testid="action-panel">
      <View className="section-title">办理</View>
      {!actions.length && <View className="muted">当前没有需要您办理的操作</View>}
      <View className="wd-actions">
        {actions.map((a) => (
          <Button
            key={a} data-testid={`wo-action-${a}`} disabled={busy || undefined}
            className={`btn ${a === 'claim' || a === 'resolve' ? '' : 'btn-plain'} wd-action ${open === a ? 'on' : ''}`}
            onClick={() => { setError(undefined); if (a === 'claim') void claim(); else setOpen(open === a ? undefined : a); }}
          >
            {WO_ACTIONS[a].name}
          </Button>
        ))}
      </View>
      {error && <View className="error-text" role="alert">{error}</View>}
      {open === 'start' && <StartForm {...props} />}
      {open === 'resolve' && <ResolveForm {...props} />}
      {open === 'return' && <ReturnForm {...props} />}
      {open === 'redispatch' && <RedispatchForm {...props} />}
    </View>
  );
}

interface FormProps {
  run: <A extends WorkOrderAction>(action: A, body: WoActionBody<A>) => Promise<void>;
  busy: boolean;
}

const confirm = async (title: string, content: string, confirmText: string) =>
  (await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#c8161d' })).confirm;

function StartForm({ run, busy }: FormProps) {
  const [note, setNote] = useState('');
  return (
    <View className="wd-form" data-testid="form-start">
      <View className="wd-form-title">开始处理</View>
      <TextBox label="处理说明（选填）" value={note} max={COMMENT_MAX} placeholder="如：已联系反映人，明早到现场核查" onInput={setNote} />
      <Button className="btn wd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={() => run('start', note.trim() ? { note: note.trim() } : {})}>
        开始处理
      </Button>
    </View>
  );
}

function ResolveForm({ run, busy }: FormProps) {
  const [result, setResult] = useState('');
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const text = result.trim();
    if (text.length < 5) { setErrors({ result: '办结回复至少 5 个字，请写明处理结果' }); return; }
    if (!(await confirm('确认办结', '办结后将把处理结果告知反映人，并请其评价。', '确认办结'))) return;
    await run('resolve', { result: text, photoIds: photos.map((p) => p.fileId) });
  };

  return (
    <View className="wd-form" data-testid="form-resolve">
      <View className="wd-form-title">办结回复</View>
      <TextBox
        label="处理结果" value={result} max={1000} error={errors.result} placeholder="写明核查情况和处理结果，将告知反映人（至少 5 个字）"
        onInput={(v) => { setResult(v); setErrors(({ result: _r, ...rest }) => rest); }}
      />
      <View className="field-label">现场照片（选填，最多 {MAX_PHOTOS} 张）</View>
      <PhotoPicker dense material="办结照片" testId="resolve-photo" max={MAX_PHOTOS} disabled={busy} photos={photos} onChange={setPhotos} onUploading={setUploading} />
      <Button className="btn wd-submit" disabled={(busy || uploading) || undefined} loading={busy || undefined} onClick={submit}>提交办结回复</Button>
    </View>
  );
}

function ReturnForm({ run, busy }: FormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    const text = reason.trim();
    if (text.length < 5) { setError('退单理由至少 5 个字，请写明为何不属于本单位办理'); return; }
    if (!(await confirm('确认退单', '退单后工单退回调度重新派单。', '确认退单'))) return;
    await run('return', { reason: text });
  };
  return (
    <View className="wd-form" data-testid="form-return">
      <View className="wd-form-title">退单</View>
      <TextBox
        label="退单理由" value={reason} max={COMMENT_MAX} error={error} placeholder="如：该路段属荔湾区管辖，建议转荔湾区处理"
        onInput={(v) => { setReason(v); setError(undefined); }}
      />
      <Button className="btn wd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>退单</Button>
    </View>
  );
}

function RedispatchForm({ run, busy }: FormProps) {
  const depts = useAsync(() => api.departments(), []);
  const [teamId, setTeamId] = useState<string>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const deptOptions = (depts.data?.items ?? []).map((x) => ({ value: `dept:${x.id}`, label: x.shortName }));
  const gridOptions = STREETS.map((s) => ({ value: `grid:${s.id}`, label: `${s.name}网格` }));
  const choose = (v: string) => { setTeamId(v); setError(undefined); };

  const submit = async () => {
    if (!teamId) { setError('请选择改派的承办单位'); return; }
    const label = [...deptOptions, ...gridOptions].find((o) => o.value === teamId)?.label ?? teamId;
    if (!(await confirm('确认改派', `改派至 ${label}，由其重新签收办理。`, '确认改派'))) return;
    await run('redispatch', { teamId, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <View className="wd-form" data-testid="form-redispatch">
      <View className="wd-form-title">改派</View>
      <View className="field-label">职能部门</View>
      <StateView loading={depts.loading} error={depts.error} onRetry={depts.reload}>
        <Chips label="职能部门" value={teamId} options={deptOptions} onChange={choose} />
      </StateView>
      <View className="field-label">街道网格</View>
      <Chips label="街道网格" value={teamId} options={gridOptions} onChange={choose} className="wd-grid-chips" />
      {error && <View className="error-text" role="alert">{error}</View>}
      <TextBox label="改派说明（选填）" value={note} max={COMMENT_MAX} placeholder="如：属占道经营，请城管处理" onInput={setNote} />
      <Button className="btn wd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>改派</Button>
    </View>
  );
}

// ---- 延期 ---------------------------------------------------------------------------------------

const EXTENSION_STATUS: Record<WoExtension['status'], [string, string]> = {
  requested: ['待调度审批', 'tag-orange'], granted: ['已同意', 'tag-green'], refused: ['未同意', 'tag-gray'],
};

/**
 * 延期: the owner of an order in hand asks for 1–10 more working days (one request at a time);
 * the street's dispatcher grants or refuses it. Everyone handling it sees where it stands.
 */
function ExtensionPanel({ d, onDone, onError }: ActionProps) {
  const ext = d.extension;
  const pending = ext?.status === 'requested';
  // only the owner may resolve (a rule of the server's actions): the same person may ask for more time
  const canRequest = Boolean(d.actions?.includes('resolve')) && ['claimed', 'in_progress'].includes(d.state) && !pending;
  const canDecide = d.dispatcher === true && pending;
  const [open, setOpen] = useState(false);
  if (!ext && !canRequest) return null;
  const [statusName, tone] = ext ? EXTENSION_STATUS[ext.status] : ['', ''];

  return (
    <View className="section" data-testid="extension">
      <View className="section-title">延期</View>
      {ext && (
        <View className="wd-ext" data-testid="extension-status">
          <View className="wd-ext-head">
            <Text>申请延期 {ext.days} 个工作日</Text>
            <Text className={`tag ${tone}`}>{statusName}</Text>
          </View>
          <View className="wd-ext-reason">理由：{ext.reason}</View>
          <View className="muted">{formatDateTime(ext.at)} 提出</View>
        </View>
      )}
      {canDecide && <DecisionForm d={d} ext={ext!} onDone={onDone} onError={onError} />}
      {canRequest && !open && (
        <Button className="btn btn-plain wd-small-btn" data-testid="extension-open" onClick={() => setOpen(true)}>申请延期</Button>
      )}
      {canRequest && open && <ExtensionForm d={d} onDone={onDone} onError={onError} onCancel={() => setOpen(false)} />}
    </View>
  );
}

function ExtensionForm({ d, onDone, onError, onCancel }: ActionProps & { onCancel: () => void }) {
  const [days, setDays] = useState<string>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(onError, (m) => setErrors({ form: m }));

  const submit = async () => {
    const text = reason.trim();
    const errs: Record<string, string> = {};
    if (!days) errs.days = '请选择延期的工作日数';
    if (text.length < 5) errs.reason = '延期理由至少 5 个字，请写明为何不能按期答复';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (!(await confirm('申请延期', `申请延期 ${days} 个工作日，由街道调度审批；审批前仍按原答复期限（${formatDay(d.replyBy)}）计时。`, '提交申请'))) return;
    await send(async () => {
      onDone(await woApi.requestExtension(d.no, Number(days), text), '已申请延期');
    });
  };

  return (
    <View className="wd-form" data-testid="form-extension">
      <View className="wd-form-title">申请延期</View>
      <View className="field-label">延期工作日数</View>
      <Chips
        label="延期工作日数" value={days} className="wd-days" onChange={(v) => { setDays(v); setErrors(({ days: _d, ...rest }) => rest); }}
        options={EXTENSION_DAYS.map((n) => ({ value: n, label: `${n}天` }))}
      />
      {errors.days && <View className="error-text" role="alert">{errors.days}</View>}
      <TextBox
        label="延期理由" value={reason} max={COMMENT_MAX} error={errors.reason} placeholder="如：需协调产权单位到场，预计下周完成（至少 5 个字）"
        onInput={(v) => { setReason(v); setErrors(({ reason: _r, ...rest }) => rest); }}
      />
      {errors.form && <View className="error-text" role="alert">{errors.form}</View>}
      <View className="wd-form-buttons">
        <Button className="btn btn-plain wd-half" disabled={busy || undefined} onClick={onCancel}>取消</Button>
        <Button className="btn wd-half" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>提交申请</Button>
      </View>
    </View>
  );
}

/** The street's dispatcher on a pending request: grant (the reply date moves) or refuse, each confirmed. */
function DecisionForm({ d, ext, onDone, onError }: ActionProps & { ext: WoExtension }) {
  const [note, setNote] = useState('');
  const { busy, send } = useSubmit(onError, (m) => setError(m));
  const [error, setError] = useState<string>();

  const decide = async (approve: boolean) => {
    setError(undefined);
    const ok = approve
      ? await confirm('同意延期', `同意延期 ${ext.days} 个工作日，答复期限将从 ${formatDay(d.replyBy)} 相应顺延。`, '同意')
      : await confirm('不同意延期', `不同意延期，承办人须在原答复期限（${formatDay(d.replyBy)}）前答复。`, '不同意');
    if (!ok) return;
    await send(async () => {
      onDone(await woApi.decideExtension(d.no, approve, note.trim() || undefined), approve ? '已同意延期' : '已不同意延期');
    });
  };

  return (
    <View className="wd-form" data-testid="extension-decision">
      <TextBox label="审批意见（选填）" value={note} max={COMMENT_MAX} placeholder="如：同意，请务必在延期内办结" onInput={setNote} />
      {error && <View className="error-text" role="alert">{error}</View>}
      <View className="wd-form-buttons">
        <Button className="btn btn-plain wd-half" data-testid="extension-refuse" disabled={busy || undefined} onClick={() => decide(false)}>不同意延期</Button>
        <Button className="btn wd-half" data-testid="extension-approve" disabled={busy || undefined} loading={busy || undefined} onClick={() => decide(true)}>同意延期</Button>
      </View>
    </View>
  );
}

// ---- 重复件 -------------------------------------------------------------------------------------

/** The street's dispatcher closes this order as a duplicate of an open one; its filer then follows the original. */
function DuplicatePanel({ d, onDone, onError }: ActionProps) {
  const [open, setOpen] = useState(false);
  const [original, setOriginal] = useState('');
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, (m) => setError(m));

  const submit = async () => {
    if (!original) { setError('请输入原工单编号'); return; }
    if (!WO_NO_PATTERN.test(original)) { setError('应为 SQ 开头的 16 位工单编号，如 SQ20261126000001'); return; }
    if (original === d.no) { setError('不能标记为自身的重复件，请输入原工单编号'); return; }
    setError(undefined);
    if (!(await confirm('标记重复件', `本工单将关闭并并入 ${original}，反映人改为关注原工单的办理进展。关闭后不能恢复，确定吗？`, '确认标记'))) return;
    await send(async () => {
      onDone(await woApi.markDuplicate(d.no, original), '已标记重复件');
    });
  };

  return (
    <View className="section" data-testid="duplicate">
      <View className="section-title">重复件</View>
      <View className="muted">与已有工单反映的是同一问题时，可并入原工单一并办理。</View>
      {!open ? (
        <Button className="btn btn-plain wd-small-btn" data-testid="duplicate-open" onClick={() => setOpen(true)}>标记重复件</Button>
      ) : (
        <View className="wd-form" data-testid="form-duplicate">
          <Field
            label="原工单编号" name="originalNo" value={original} maxlength={24} error={error} placeholder="SQ 开头的 16 位编号"
            onInput={(v) => { setOriginal(v.replace(/\s/g, '').toUpperCase()); setError(undefined); }}
          />
          <View className="wd-form-buttons">
            <Button className="btn btn-plain wd-half" disabled={busy || undefined} onClick={() => { setOpen(false); setError(undefined); }}>取消</Button>
            <Button className="btn wd-half" data-testid="duplicate-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>标记并关闭</Button>
          </View>
        </View>
      )}
    </View>
  );
}
