/**
 * Every page of the app, in the usual mode and in 长辈版, as the person who would open it (issue 14):
 * - axe-core (the accessibility engine) finds no serious or critical violation (contrast, names, labels, zoom…);
 * - measured in Chromium: in 长辈版 no visible text below 18 px and no tap target below 60 × 60 px
 *   (MIIT 移动互联网应用适老化通用设计规范); in the usual mode no tap target below 44 × 44 px.
 * Screenshots of home, a guide, a form and the receipt are saved in both modes.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { applyViaApi, apiCall, devToken, uploadViaApi } from './api';
import { devLogin, domErrors, launch, newPage, setClock, shot, webUrl } from './browser';

jest.setTimeout(240_000);

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TANGSHUI = '91440104MA5H6TK2QE';
const YUEWEI = '91440104MA5CXK1P06';
const HERE = { lat: 23.12505, lng: 113.26915, address: '越秀区北京路步行街 北京路与西湖路交界' };

type Visit = { path: string; ready?: string; shot?: string };
type Person = { login?: string; visits: (ids: Ids) => Visit[] };
type Ids = {
  appNo: string;
  woNo: string;
  serial: string;
  checkCode: string;
  ticketId: string;
  discNo: string;
  scan: string;
  honourId: string;
  reviewId: string;
};

/** Who opens which page: every page in app.config.ts appears at least once (a test below checks that). */
const PEOPLE: Record<string, Person> = {
  visitor: {
    visits: ({ serial, checkCode, scan }) => [
      { path: 'pages/index/index', ready: '.home-title, .eh-title', shot: 'home' },
      { path: 'pages/guide/index', ready: '.service-card' },
      { path: 'pages/login/index', ready: '.login-head' },
      { path: 'packages/guide/detail/index?id=elevator-installation', ready: '.detail-title', shot: 'guide' },
      { path: 'packages/guide/bundle/index?id=birth' },
      { path: 'packages/progress/lookup/index' },
      { path: `packages/verify/index?s=${serial}&c=${checkCode}`, ready: '[data-testid="verify-outcome"]' },
      { path: 'packages/policy/disbursements/index' },
      // 预约 / 叫号 (issue 18): the points, a point's slots, the hall screen
      { path: 'packages/appointment/index', ready: '[data-testid="point-district-hall"]' },
      { path: 'packages/appointment/book/index?pointId=district-hall' },
      { path: 'packages/hall/screen/index?pointId=district-hall', ready: '[data-testid="screen-windows"]' },
      // 政务公开 (issue 19): the lists and a policy document's page with its interpretation
      { path: 'packages/openness/index', ready: '[data-testid="publication-card"]', shot: 'openness' },
      { path: 'packages/openness/detail/index?id=pb_seedBldgPolicy', ready: '[data-testid="publication-text"]', shot: 'openness-detail' },
      // 信用 (issue 20): the search, a merchant's page as its code opens it, its records, the rules
      { path: 'packages/credit/index', ready: '[data-testid="credit-search"]' },
      { path: `packages/credit/merchant/index?code=${TANGSHUI}&s=${scan}`, ready: '[data-testid="merchant-head"]', shot: 'credit-merchant' },
      { path: `packages/credit/records/index?code=${TANGSHUI}&kind=penalty`, ready: '[data-testid^="record-"]' },
      { path: 'packages/credit/rules/index', ready: '[data-testid="rules-grade"]' },
    ],
  },
  resident: {
    login: '居民 · 已实名',
    visits: ({ appNo, woNo, serial, ticketId, discNo }) => [
      { path: 'pages/me/index', ready: '.me-name' },
      { path: 'pages/messages/index' },
      { path: 'packages/account/privacy/index' },
      { path: 'packages/apply/form/index?formId=item-elevator-installation', ready: '.apply-steps', shot: 'form' },
      { path: `packages/apply/receipt/index?appNo=${appNo}`, shot: 'receipt' },
      { path: 'packages/progress/mine/index' },
      { path: `packages/progress/detail/index?appNo=${appNo}` },
      // 依申请公开 (issue 19): the request's clock as a picture
      { path: `packages/progress/detail/index?appNo=${discNo}`, ready: '[data-testid="disclosure-clock"]' },
      { path: 'packages/appeal/file/index' },
      { path: 'packages/appeal/mine/index' },
      { path: `packages/appeal/detail/index?no=${woNo}` },
      { path: 'packages/wallet/index', ready: '[data-testid="document-card"]' },
      { path: `packages/wallet/document/index?serial=${serial}`, ready: '[data-testid="doc-open"]' },
      { path: 'packages/appointment/mine/index' },
      { path: 'packages/appointment/arrive/index?pointId=district-hall' },
      { path: `packages/appointment/ticket/index?id=${ticketId}`, ready: '[data-testid="ticket-no"]' },
      { path: 'packages/openness/subscriptions/index', ready: '[data-testid="subs-summary"]' },
      // 居民议事 (issue 19): 张 lives in 府前社区 (seeded): the topics, my community, a new topic, a topic with a live vote
      { path: 'packages/community/index', ready: '[data-testid="community-head"]' },
      { path: 'packages/community/residence/index', ready: '[data-testid="residence-form"]' },
      { path: 'packages/community/raise/index', ready: '[data-testid="raise-form"]' },
      { path: 'packages/community/topic/index?id=tp_SeedCleaning01', ready: '[data-testid="vote-box"]', shot: 'community-topic' },
    ],
  },
  // 居民议事 (issue 19): 府前社区's grid official, the desk and a proposal to open
  gridOfficial: {
    login: '网格员 · 北京街 府前社区',
    visits: () => [
      { path: 'packages/staff/community/index', ready: '[data-testid="desk-head"]' },
      { path: 'packages/community/topic/index?id=tp_SeedLights0001', ready: '[data-testid="open-form"]' },
    ],
  },
  // 政务公开发布 (issue 19): the education bureau's list, a new item and an item to edit
  publisher: {
    login: '窗口人员 · 区教育局（政务公开发布）',
    visits: () => [
      { path: 'packages/staff/publish/index', ready: '[data-testid="pp-item-pb_seedCatchment26"]' },
      { path: 'packages/staff/publish/edit/index', ready: '[data-testid="pe-fields"]', shot: 'publish-new' },
      { path: 'packages/staff/publish/edit/index?id=pb_seedCatchment26', ready: '[data-testid="pe-history"]' },
    ],
  },
  // 窗口叫号 (issue 18)
  hallDesk: { login: '窗口人员 · 区政务服务中心综合受理（叫号）', visits: () => [{ path: 'packages/staff/hall/index' }] },
  // people whose state no other test file changes (张晓明 rates 陈记糖水 in credit's, 林新 is disabled in identity's)
  unproven: { login: '居民 · 未实名', visits: () => [{ path: 'packages/account/real-name/index' }, { path: 'packages/account/invitation/index' }] },
  elder: {
    login: '居民 · 长者 · 已实名',
    visits: ({ scan }) => [
      { path: 'packages/account/kin/index' },
      // 信用 (issue 20): rating the merchant whose code was scanned
      { path: `packages/credit/rate/index?code=${TANGSHUI}&s=${scan}`, ready: '[data-testid="rate-form"]' },
      { path: 'packages/member/home/index', ready: '[role="progressbar"]' },
      { path: 'packages/member/calendar/index', ready: '[role="grid"]' },
    ],
  },
  agent: { login: '居民 · 待授权的企业经办人', visits: () => [{ path: 'packages/account/offers/index' }] },
  firm: {
    login: '企业 · 粤味餐饮 · 信用 A 级',
    visits: ({ honourId }) => [
      { path: 'packages/account/enterprise/index' },
      { path: 'packages/account/agents/index' },
      // 信用 (issue 20): the firm's own credit and an objection's form
      { path: 'packages/credit/mine/index', ready: '[data-testid="grade-card"]', shot: 'credit-mine' },
      { path: `packages/credit/review/index?recordId=${honourId}&kind=objection`, ready: '[data-testid="review-form"]' },
    ],
  },
  // 信用 (issue 20): the market regulator's queue of repairs and objections, one to decide
  marketDesk: {
    login: '窗口人员 · 区市场监管局',
    visits: ({ reviewId }) => [
      { path: 'packages/staff/credit/index' },
      { path: `packages/staff/credit/review/index?id=${reviewId}`, ready: '[data-testid="decision"]' },
    ],
  },
  // 政策超市 (issue 17): the agent of 岭南数字文化 sees the firm's verdicts, offers and profile
  policyAgent: {
    login: '企业经办人 · 岭南数字文化 · 可办理政策兑现',
    visits: () => [
      { path: 'packages/policy/index', ready: '[data-testid="policy-card"]', shot: 'policy-market' },
      { path: 'packages/policy/detail/index?id=yx-hnte-award-2026', ready: '[data-testid="interpretation"]', shot: 'policy-detail' },
      { path: 'packages/policy/offers/index' },
      { path: 'packages/policy/profile/index' },
    ],
  },
  policyDesk: {
    login: '窗口人员 · 区商务局（政策发布与兑现）',
    visits: () => [
      { path: 'packages/staff/policies/index' },
      { path: 'packages/staff/policies/edit/index?id=yx-small-shop-rent-2026', ready: '[data-testid="pe-items"]' },
      { path: 'packages/staff/policies/batch/index?itemId=yx-small-shop-rent-2026-1', ready: '[data-testid="pb-head"]' },
    ],
  },
  member: {
    login: '居民 · 会员专区演示（未领卡，已有 195 积分）',
    visits: () => ['home', 'calendar', 'points', 'benefits', 'claims'].map((p) => ({ path: `packages/member/${p}/index` })),
  },
  partner: { login: '合作商户 · 广东省博物馆（核销兑换码）', visits: () => [{ path: 'packages/member/redeem/index' }] },
  officer: {
    login: '审批人员 · 规划和自然资源越秀分局',
    visits: ({ appNo, discNo }) => [
      { path: 'packages/staff/queue/index' },
      { path: `packages/staff/detail/index?appNo=${appNo}` },
      // 依申请公开 (issue 19): the 条例's panel on a request sent to this department
      { path: `packages/staff/detail/index?appNo=${discNo}`, ready: '[data-testid="disclosure-panel"]' },
      { path: 'packages/staff/opinions/index' },
      { path: 'packages/staff/rectifications/index' },
    ],
  },
  urban: { login: '承办人员 · 区城市管理和综合执法局', visits: () => [{ path: 'packages/appeal/team/index' }] },
  dispatcher: { login: '调度员 · 北京街道', visits: () => [{ path: 'packages/appeal/street/index' }] },
  admin: {
    login: '管理员 · 区政务服务数据管理局',
    visits: () =>
      ['dashboard', 'supervision', 'member-admin', 'accounts', 'calendar', 'rectification-overview', 'catalogue', 'catalogue/edit', 'hall-admin']
        .map((p) => ({ path: `packages/staff/${p}/index` }))
        .concat({ path: 'packages/staff/catalogue/edit/index?id=food-business-licence' })
        // 依申请公开 (issue 19): the annual report's figures, every department
        .concat({ path: 'packages/staff/disclosure-annual/index' }),
  },
};

let browser: Browser;
let ids: Ids;
let receipt: { appNo: string } & Record<string, unknown>;

beforeAll(async () => {
  browser = await launch();
  const zhang = await devToken('u-resident-zhang');
  receipt = await applyViaApi(zhang, 'elevator-installation', { estateName: '府前花园', buildingNo: '3 栋', consentRatio: 80 }, `e2e-a11y-${Date.now()}`);
  const wo = await apiCall<{ no: string }>(
    'POST',
    '/v1/workorders',
    zhang,
    { categoryId: 'cityscape-garbage', description: '垃圾堆放两天没人清运，气味很大', place: HERE },
    { 'idempotency-key': `e2e-a11y-wo-${Date.now()}` },
  );
  // a sealed certificate in 张's wallet (issue 15): 居住证明, issued at once from his residence registration
  const cert = await applyViaApi(zhang, 'residence-certificate', { purpose: 'employment' }, `e2e-a11y-cert-${Date.now()}`);
  // 依申请公开 (issue 19): 张 asks the planning bureau for information
  const disc = await applyViaApi(
    zhang,
    'information-disclosure',
    { targetDepartment: 'planning', requestedInfo: '府前花园加装电梯的规划许可批复文件', infoFormat: 'electronic' },
    `e2e-a11y-disc-${Date.now()}`,
  );
  const doc = await apiCall<{ serial: string; checkCode: string }>('POST', `/v1/applications/${cert.appNo}/document`, zhang);
  // 预约 / 取号 (issue 18): on a Monday morning by the stack's clock, 张 books Tuesday and takes a number at the hall
  setClock('2026-12-07T10:00:00+08:00');
  try {
    await apiCall(
      'POST',
      '/v1/appointments',
      zhang,
      { pointId: 'district-hall', itemId: 'social-security-card', date: '2026-12-08', start: '09:00' },
      {
        'idempotency-key': `e2e-a11y-ap-${Date.now()}`,
      },
    );
    const { code } = await apiCall<{ code: string }>('GET', '/v1/staff/hall/points/district-hall/check-in-code', await devToken('u-staff-hall'));
    const ticket = await apiCall<{ id: string }>(
      'POST',
      '/v1/service-points/district-hall/arrivals',
      zhang,
      { code, itemId: 'id-card' },
      {
        'idempotency-key': `e2e-a11y-tk-${Date.now()}`,
      },
    );
    ids = {
      appNo: receipt.appNo,
      woNo: wo.no,
      serial: doc.serial,
      checkCode: doc.checkCode,
      ticketId: ticket.id,
      discNo: disc.appNo,
      scan: '',
      honourId: '',
      reviewId: '',
    };
  } finally {
    setClock(null);
  }
  // 信用 (issue 20): the merchant's poster (its code's proof of a scan); 粤味's objection to its honour, for the desk to open
  const poster = await apiCall<{ scanUrl: string }>('POST', '/v1/credit/mine/poster', await devToken('u-merchant-liang'));
  const chen = await devToken('u-enterprise-chen');
  const yuewei = await apiCall<{ honours: { id: string }[] }>('GET', `/v1/credit/firms/${YUEWEI}`);
  const pdf = await uploadViaApi(chen, {
    name: '说明.pdf',
    type: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  const review = await apiCall<{ id: string }>(
    'POST',
    '/v1/credit/mine/reviews',
    chen,
    { kind: 'objection', recordId: yuewei.honours[0].id, text: '荣誉名称登记有误，应为“北京路商圈诚信经营示范店（2026 年度）”。', files: [pdf] },
    { 'idempotency-key': `e2e-a11y-cr-${Date.now()}` },
  );
  ids = { ...ids, scan: new URL(poster.scanUrl).searchParams.get('s')!, honourId: yuewei.honours[0].id, reviewId: review.id };
  // 会员专区 with a card, whatever order the files run in: 周伯 takes one (the member demo's person may or may not have one yet)
  await apiCall('POST', '/v1/member/card', await devToken('u-resident-zhou'));
});
afterAll(async () => {
  await browser?.close();
});

/** Taro's storage format in H5: the value under `data`. */
const setElder = (page: Page, on: boolean) => page.evaluate((v) => localStorage.setItem('yx.elderMode', JSON.stringify({ data: v })), on);

/** The page is up: its root sits at the left edge (Taro slides pages in) and nothing says 加载中. */
async function pageReady(page: Page, ready?: string) {
  await page.waitForFunction(() => {
    const roots = Array.from(document.querySelectorAll('.page')).filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0);
    const root = roots[roots.length - 1];
    if (!root || Math.abs(root.getBoundingClientRect().left) >= 1) return false;
    return !Array.from(root.querySelectorAll('.state-loading')).some((el) => el.getClientRects().length > 0);
  });
  if (ready) await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

type Finding = { what: string; where: string; size: string };

/**
 * Measures the visible page: text below `minFont` px and tap targets (buttons, inputs, switches, links, anything with a
 * click handler, the tab bar's items) smaller than `minTap` px in either direction.
 */
function measure(page: Page, minFont: number, minTap: number): Promise<Finding[]> {
  return page.evaluate(
    ([minFontPx, minTapPx]) => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const s = getComputedStyle(el);
        return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && !el.closest('[aria-hidden="true"]');
      };
      const describe = (el: Element) => {
        const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
        const text = (el.textContent ?? '').trim().slice(0, 16);
        return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''} 「${text}」`;
      };
      const found: { what: string; where: string; size: string }[] = [];
      // the page shown now (Taro keeps earlier pages, hidden) and the tab bar
      const roots = Array.from(document.querySelectorAll('.taro_page')).filter(visible);
      const tabbar = document.querySelector('.taro-tabbar__tabbar');
      if (tabbar && visible(tabbar)) roots.push(tabbar);
      const nav = document.querySelector('.taro-navigation-bar-no-icon, .taro-navigation-bar');
      if (nav && visible(nav)) roots.push(nav);
      for (const root of roots) {
        if (minFontPx > 0) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const seen = new Set<Element>();
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || seen.has(el) || !(n.textContent ?? '').trim() || !visible(el)) continue;
            seen.add(el);
            const px = parseFloat(getComputedStyle(el).fontSize);
            if (px < minFontPx - 0.01) found.push({ what: 'text', where: describe(el), size: `${px.toFixed(1)}px` });
          }
          for (const input of Array.from(root.querySelectorAll('input:not([type=checkbox]):not([type=radio]), textarea'))) {
            if (!visible(input)) continue;
            const px = parseFloat(getComputedStyle(input).fontSize);
            if (px < minFontPx - 0.01) found.push({ what: 'input text', where: describe(input.parentElement ?? input), size: `${px.toFixed(1)}px` });
          }
        }
        const targets = new Set<Element>();
        for (const el of Array.from(root.querySelectorAll('*'))) {
          const props = Object.entries(el).find(([k]) => k.startsWith('__reactProps$'))?.[1] as Record<string, unknown> | undefined;
          const clickable =
            (props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')) ||
            el.matches(
              'button, a[href], input:not([type=hidden]), textarea, [role=button], [role=tab], [role=switch], [role=checkbox], [role=radio], [role=link], taro-button-core, taro-switch-core, taro-checkbox-core, taro-radio-core, .weui-tabbar__item, .taro-navigation-bar-back, .taro-navigation-bar-home',
            );
          if (!clickable || !visible(el)) continue;
          // one target per control: a switch's inner parts belong to the switch
          if ([...targets].some((t) => t.contains(el))) continue;
          targets.add(el);
        }
        for (const el of targets) {
          const r = el.getBoundingClientRect();
          if (r.width < minTapPx - 0.5 || r.height < minTapPx - 0.5)
            found.push({ what: 'tap target', where: describe(el), size: `${Math.round(r.width)}×${Math.round(r.height)}` });
        }
      }
      return found;
    },
    [minFont, minTap] as const,
  );
}

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const r = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(', ')}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ''}`,
    );
}

describe.each(Object.entries(PEOPLE))('%s', (_who, person) => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
    // the receipt page shows what the form kept after submitting (Taro storage)
    await page.addInitScript((r) => localStorage.setItem(`yx.receipt.${r.appNo}`, JSON.stringify({ data: r })), receipt);
    if (person.login) await devLogin(page, person.login);
    else await page.goto(webUrl());
  });
  afterAll(async () => {
    await page.context().close();
  });

  for (const elder of [false, true]) {
    const mode = elder ? '长辈版' : '标准版';
    it(`${mode}: every page passes axe and the size rules`, async () => {
      const problems: string[] = [];
      await setElder(page, elder);
      for (const v of person.visits(ids)) {
        await page.goto(`${webUrl()}/#/${v.path}`);
        await page.reload();
        await pageReady(page, v.ready);
        if (elder) await page.waitForFunction(() => Array.from(document.querySelectorAll('.page.elder')).some((el) => el.getClientRects().length > 0));
        if (v.shot) await shot(page, `${v.shot}-${elder ? 'elder' : 'standard'}`);
        for (const a of await audit(page)) problems.push(`${v.path} ${a}`);
        for (const f of await measure(page, elder ? 18 : 0, elder ? 60 : 44)) problems.push(`${v.path} ${f.what} ${f.size} ${f.where}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

// after every page above (describe blocks run in order; a test outside one would run first)
describe('all pages', () => {
  it('logged no DOM errors', () => {
    // issue 14: `insertBefore NotFoundError` was logged again and again in normal use
    expect(domErrors).toEqual([]);
  });
});

it('visits every page in app.config.ts', () => {
  const config = fs.readFileSync(require.resolve('../miniapp/src/app.config.ts'), 'utf8');
  const pages = [...config.matchAll(/'(pages\/[\w-]+\/index)'/g)].map((m) => m[1]);
  for (const m of config.matchAll(/root: '([\w/-]+)',\s*pages: \[([^\]]+)\]/g)) for (const p of m[2].matchAll(/'([\w/-]+)'/g)) pages.push(`${m[1]}/${p[1]}`);
  const visited = new Set(
    Object.values(PEOPLE).flatMap((p) =>
      p
        .visits({ appNo: 'x', woNo: 'x', serial: 'x', checkCode: 'x', ticketId: 'x', discNo: 'x', scan: 'x', honourId: 'x', reviewId: 'x' })
        .map((v) => v.path.split('?')[0]),
    ),
  );
  expect(pages.length).toBeGreaterThan(30);
  expect(pages.filter((p) => !visited.has(p))).toEqual([]);
});
