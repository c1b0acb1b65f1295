import * as z from 'zod';
import { lazy } from '../api/lazy';
import { dayNumber } from '../calendar/date';
import { CLOCK } from './rules';

/**
 * 预约 / 取号 / 叫号 (issue 18): the routes' shapes. Residents and firms book a slot at a service point (the district
 * hall or a street's centre) for an item, check in on arrival (the point's QR code or its geofence) and get a number;
 * window officers call numbers; the hall screen shows the calls; the admin keeps the points.
 */

export const POINT_ID = /^[a-z0-9-]{2,40}$/;
const ITEM_ID = /^[a-z0-9-]{2,60}$/;
export const APPOINTMENT_ID = /^ap_[A-Za-z0-9]{10,16}$/;
export const TICKET_ID = /^tk_[A-Za-z0-9]{10,16}$/;

const Day = lazy(() =>
  z
    .string({ message: '请选择日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
    .refine((d) => dayNumber(d) !== null, { message: '日期不存在' }),
);
const ClockField = lazy(() => z.string({ message: '请选择时段' }).regex(CLOCK, { message: '时段格式应为 HH:MM' }));
const PointId = lazy(() => z.string({ message: '请选择办事地点' }).regex(POINT_ID, { message: '办事地点编号不正确' }));
const ItemId = lazy(() => z.string({ message: '请选择办理事项' }).regex(ITEM_ID, { message: '事项编号不正确' }));
const Lat = lazy(() => z.number({ message: '纬度应为数字' }).finite().min(-90).max(90));
const Lng = lazy(() => z.number({ message: '经度应为数字' }).finite().min(-180).max(180));

export const PointParams = lazy(() => z.strictObject({ pointId: PointId }));
export const AppointmentParams = lazy(() => z.strictObject({ id: z.string().regex(APPOINTMENT_ID, { message: '预约编号不正确' }) }));
export const TicketParams = lazy(() => z.strictObject({ id: z.string().regex(TICKET_ID, { message: '排队号编号不正确' }) }));
export const WindowParams = lazy(() =>
  z.strictObject({
    pointId: PointId,
    windowNo: z.coerce.number({ message: '窗口号应为数字' }).int().min(1, { message: '窗口号不正确' }).max(99, { message: '窗口号不正确' }),
  }),
);

// ---- points (public) ------------------------------------------------------------------------------

export const TimeRangeSchema = lazy(() =>
  z.strictObject({ start: ClockField, end: ClockField }).refine((r) => r.start < r.end, { message: '结束时间应晚于开始时间', path: ['end'] }),
);
export const OpeningHoursSchema = lazy(() =>
  z.strictObject({
    workday: z.array(TimeRangeSchema).max(4),
    weekend: z.array(TimeRangeSchema).max(4),
    holiday: z.array(TimeRangeSchema).max(4),
    weekendDays: z.array(z.number().int().min(6).max(7)).min(1).max(2).optional(),
    evening: z.strictObject({ weekdays: z.array(z.number().int().min(1).max(5)).min(1).max(5), range: TimeRangeSchema }).optional(),
  }),
);

export const PointSummary = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['hall', 'street']),
    streetId: z.string().optional(),
    address: z.string(),
    phone: z.string().optional(),
    hoursText: z.string(),
    lat: z.number(),
    lng: z.number(),
    itemCount: z.number(),
    /** 5+2: open on weekends; 白加黑: evening hours */
    weekend: z.boolean(),
    evening: z.boolean(),
  }),
);
export type PointSummary = z.infer<typeof PointSummary>;
export const PointList = lazy(() => z.object({ items: z.array(PointSummary) }));
export type PointList = z.infer<typeof PointList>;

export const PointDetail = lazy(() =>
  PointSummary.extend({
    geofenceMeters: z.number(),
    slotMinutes: z.number(),
    areas: z.array(z.object({ prefix: z.string(), name: z.string(), items: z.array(z.object({ id: z.string(), name: z.string() })) })),
    windows: z.array(z.object({ no: z.number(), prefix: z.string(), extended: z.boolean() })),
  }),
);
export type PointDetail = z.infer<typeof PointDetail>;

export const SlotsQuery = lazy(() =>
  z.strictObject({
    itemId: ItemId,
    from: Day.optional(),
    days: z.coerce.number({ message: '天数应为数字' }).int().min(1, { message: '天数至少 1 天' }).max(15, { message: '最多查询 15 天' }).optional(),
  }),
);

export const SlotView = lazy(() =>
  z.object({
    start: z.string(),
    end: z.string(),
    kind: z.enum(['day', 'evening', 'weekend', 'holiday']),
    capacity: z.number(),
    left: z.number(),
    open: z.boolean(),
  }),
);
export type SlotView = z.infer<typeof SlotView>;

/** A person's standing (爽约): suspended until a date when too many bookings were not kept. */
export const Standing = lazy(() =>
  z.object({
    noShows: z.array(z.string()),
    suspendedUntil: z.string().optional(),
    /** the rule in words: 「90 天内爽约 3 次，暂停网上预约 30 天」 */
    rule: z.string(),
  }),
);
export type Standing = z.infer<typeof Standing>;

export const SlotDays = lazy(() =>
  z.object({
    pointId: z.string(),
    itemId: z.string(),
    itemName: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(['workday', 'weekend', 'holiday']),
        holidayName: z.string().optional(),
        slots: z.array(SlotView),
      }),
    ),
    /** present for a signed-in person */
    standing: Standing.optional(),
  }),
);
export type SlotDays = z.infer<typeof SlotDays>;

// ---- appointments (residents, firms) ---------------------------------------------------------------

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'checked-in', 'served', 'no-show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_NAMES: Record<AppointmentStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  'checked-in': '已取号',
  served: '已办理',
  'no-show': '爽约',
};
export const APPOINTMENT_PURPOSES = ['consult', 'originals', 'collect'] as const;
export type AppointmentPurpose = (typeof APPOINTMENT_PURPOSES)[number];
export const APPOINTMENT_PURPOSE_NAMES: Record<AppointmentPurpose, string> = { consult: '现场办理', originals: '核验原件', collect: '领取结果' };

export const BookRequest = lazy(() =>
  z.strictObject({
    pointId: PointId,
    itemId: ItemId,
    date: Day,
    start: ClockField,
    /** from an application: to bring originals or collect the result */
    applicationId: z
      .string()
      .regex(/^YX\d{14}$/, { message: '办件编号不正确' })
      .optional(),
    purpose: z.enum(APPOINTMENT_PURPOSES, { message: '预约事由不正确' }).optional(),
  }),
);
export type BookRequest = z.infer<typeof BookRequest>;

export const RescheduleRequest = lazy(() => z.strictObject({ date: Day, start: ClockField }));
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

export const AppointmentView = lazy(() =>
  z.object({
    id: z.string(),
    pointId: z.string(),
    pointName: z.string(),
    address: z.string(),
    itemId: z.string(),
    itemName: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.enum(APPOINTMENT_STATUSES),
    purpose: z.enum(APPOINTMENT_PURPOSES),
    applicationId: z.string().optional(),
    ticketId: z.string().optional(),
    ticketNo: z.string().optional(),
    createdAt: z.string(),
    /** until the cut-off: 改约 and 取消 */
    canChange: z.boolean(),
    /** check-in opens then (ISO) and closes at checkInUntil; open now by the server's clock */
    checkInFrom: z.string(),
    checkInUntil: z.string(),
    checkInOpen: z.boolean(),
  }),
);
export type AppointmentView = z.infer<typeof AppointmentView>;
/** `today`: the server's date in Beijing (a phone's clock may be off; the stack's clock may be moved) */
export const AppointmentList = lazy(() => z.object({ items: z.array(AppointmentView), standing: Standing, today: z.string() }));
export type AppointmentList = z.infer<typeof AppointmentList>;

// ---- check-in and tickets -------------------------------------------------------------------------

/** The point's check-in code of the day (in its QR code), or the phone's location within the point's geofence. */
export const ArrivalRequest = lazy(() =>
  z
    .strictObject({
      code: z
        .string()
        .regex(/^[A-Z0-9]{8}$/, { message: '签到码不正确，请重新扫描大厅的二维码' })
        .optional(),
      /** the phone's position: WeChat gives GCJ-02 (the maps' system, the points' too); a browser gives WGS-84 (GPS) */
      location: z.strictObject({ lat: Lat, lng: Lng, system: z.enum(['gcj02', 'wgs84'], { message: '坐标系应为 gcj02 或 wgs84' }).optional() }).optional(),
      /** a booking of today at this point; without it, a walk-in number for the item */
      appointmentId: z.string().regex(APPOINTMENT_ID, { message: '预约编号不正确' }).optional(),
      itemId: ItemId.optional(),
    })
    .refine((b) => b.code || b.location, { message: '请扫描大厅的签到二维码，或允许获取位置后在大厅内签到', path: ['code'] })
    .refine((b) => b.appointmentId || b.itemId, { message: '请选择要办理的事项', path: ['itemId'] }),
);
export type ArrivalRequest = z.infer<typeof ArrivalRequest>;

export const TicketView = lazy(() =>
  z.object({
    id: z.string(),
    pointId: z.string(),
    pointName: z.string(),
    date: z.string(),
    no: z.string(),
    prefix: z.string(),
    areaName: z.string(),
    itemName: z.string(),
    status: z.enum(['waiting', 'called', 'serving', 'served', 'absent']),
    booked: z.boolean(),
    appointmentId: z.string().optional(),
    slot: z.object({ start: z.string(), end: z.string() }).optional(),
    takenAt: z.string(),
    ahead: z.number(),
    waitMinutes: z.number(),
    windowNo: z.number().optional(),
    calledAt: z.string().optional(),
    doneAt: z.string().optional(),
  }),
);
export type TicketView = z.infer<typeof TicketView>;
export const TicketList = lazy(() => z.object({ items: z.array(TicketView) }));
export type TicketList = z.infer<typeof TicketList>;

// ---- the hall screen (public: numbers and windows only) ----------------------------------------------

export const ScreenView = lazy(() =>
  z.object({
    pointId: z.string(),
    pointName: z.string(),
    date: z.string(),
    /** the newest first; `seq` grows with every call and recall (a screen speaks each new one once) */
    calls: z.array(z.object({ seq: z.number(), no: z.string(), windowNo: z.number(), at: z.string(), text: z.string() })),
    windows: z.array(z.object({ no: z.number(), prefix: z.string(), open: z.boolean(), current: z.string().optional() })),
    waiting: z.array(z.object({ prefix: z.string(), name: z.string(), count: z.number() })),
    at: z.string(),
  }),
);
export type ScreenView = z.infer<typeof ScreenView>;

// ---- the window officer's desk ------------------------------------------------------------------------

export const TransferRequest = lazy(() =>
  z.strictObject({ toWindow: z.number({ message: '请选择要转到的窗口' }).int().min(1, { message: '窗口号不正确' }).max(99, { message: '窗口号不正确' }) }),
);
export type TransferRequest = z.infer<typeof TransferRequest>;

export const DeskTicket = lazy(() =>
  z.object({
    id: z.string(),
    no: z.string(),
    itemName: z.string(),
    booked: z.boolean(),
    status: z.enum(['waiting', 'called', 'serving', 'served', 'absent']),
    calledAt: z.string().optional(),
    recalls: z.number(),
  }),
);
export type DeskTicket = z.infer<typeof DeskTicket>;

export const DeskView = lazy(() =>
  z.object({
    /** the window signed in to; absent when the officer is at none */
    window: z.object({ pointId: z.string(), pointName: z.string(), no: z.number(), prefix: z.string(), areaName: z.string(), since: z.string() }).optional(),
    current: DeskTicket.optional(),
    /** the area's waiting numbers, in the order they will be called (the first 20) */
    waiting: z.array(z.object({ no: z.string(), booked: z.boolean(), takenAt: z.string() })),
    waitingCount: z.number(),
    /** other windows of the point (to transfer to) */
    windows: z.array(z.object({ no: z.number(), prefix: z.string(), open: z.boolean() })),
    /** today: mine and the point's */
    figures: z.object({
      mine: z.object({ served: z.number(), absent: z.number(), avgServiceMinutes: z.number().optional() }),
      point: z.object({ taken: z.number(), served: z.number(), waiting: z.number(), avgWaitMinutes: z.number().optional() }),
    }),
  }),
);
export type DeskView = z.infer<typeof DeskView>;

export const StaffPointList = lazy(() =>
  z.object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        windows: z.array(z.object({ no: z.number(), prefix: z.string(), areaName: z.string(), mine: z.boolean(), officer: z.string().optional() })),
      }),
    ),
  }),
);
export type StaffPointList = z.infer<typeof StaffPointList>;

export const CheckInCode = lazy(() => z.object({ pointId: z.string(), date: z.string(), code: z.string(), path: z.string() }));
export type CheckInCode = z.infer<typeof CheckInCode>;

/** The rule in words. */
export const noShowRuleText = (r: { count: number; withinDays: number; suspendDays: number }) =>
  `${r.withinDays} 天内预约后未到场 ${r.count} 次，将暂停网上预约 ${r.suspendDays} 天`;

// ---- the admin: points and their figures ----------------------------------------------------------------

const Prefix = lazy(() => z.string().regex(/^[A-Z]$/, { message: '业务区代号应为一个大写字母（A–Z）' }));

/** A point's fields as the admin edits them: areas, windows, hours, slot length and capacity. */
const PointFields = lazy(() =>
  z.strictObject({
    name: z.string({ message: '请填写地点名称' }).trim().min(4, { message: '地点名称至少 4 个字' }).max(40, { message: '地点名称不能超过 40 个字' }),
    kind: z.enum(['hall', 'street'], { message: '地点类型应为政务服务中心或街道便民服务中心' }),
    streetId: z
      .string()
      .regex(/^[a-z]{2,20}$/, { message: '街道编号不正确' })
      .optional(),
    address: z.string({ message: '请填写地址' }).trim().min(6, { message: '地址至少 6 个字' }).max(80, { message: '地址不能超过 80 个字' }),
    phone: z
      .string()
      .regex(/^[0-9-]{7,20}$/, { message: '电话格式不正确' })
      .optional(),
    lat: Lat,
    lng: Lng,
    geofenceMeters: z.number({ message: '签到范围应为数字' }).int().min(50, { message: '签到范围至少 50 米' }).max(1000, { message: '签到范围不超过 1000 米' }),
    areas: z
      .array(
        z.strictObject({
          prefix: Prefix,
          name: z
            .string({ message: '请填写业务区名称' })
            .trim()
            .min(2, { message: '业务区名称至少 2 个字' })
            .max(20, { message: '业务区名称不能超过 20 个字' }),
          itemIds: z.array(ItemId).min(1, { message: '每个业务区至少办理 1 个事项' }).max(100, { message: '每个业务区最多 100 个事项' }),
        }),
      )
      .min(1, { message: '至少设置 1 个业务区' })
      .max(10, { message: '最多 10 个业务区' }),
    windows: z
      .array(
        z.strictObject({
          no: z.number({ message: '窗口号应为数字' }).int().min(1, { message: '窗口号不正确' }).max(99, { message: '窗口号不正确' }),
          prefix: Prefix,
          departmentId: z.string().regex(/^[a-z-]{2,30}$/, { message: '值守部门不正确' }),
          extended: z.boolean({ message: '请选择是否开放延时和周末服务' }),
        }),
      )
      .min(1, { message: '至少设置 1 个窗口' })
      .max(60, { message: '最多 60 个窗口' }),
    hours: OpeningHoursSchema,
    slotMinutes: z.union([z.literal(15), z.literal(20), z.literal(30), z.literal(60)], { message: '时段长度应为 15、20、30 或 60 分钟' }),
    capacityPerWindow: z
      .number({ message: '每窗口每时段人数应为数字' })
      .int()
      .min(1, { message: '每窗口每时段至少 1 人' })
      .max(20, { message: '每窗口每时段最多 20 人' }),
  }),
);

/** A save: the fields, checked against each other, and the version edited. */
export const PointInput = lazy(() =>
  PointFields.extend({ expectedVersion: z.number({ message: '缺少版本号，请刷新后再保存' }).int().min(0) }).superRefine((p, ctx) => {
    const prefixes = p.areas.map((a) => a.prefix);
    prefixes.forEach((x, i) => {
      if (prefixes.indexOf(x) !== i) ctx.addIssue({ code: 'custom', message: `业务区代号 ${x} 重复`, path: ['areas', i, 'prefix'] });
    });
    const items = p.areas.flatMap((a) => a.itemIds);
    items.forEach((x, i) => {
      if (items.indexOf(x) !== i) ctx.addIssue({ code: 'custom', message: '同一事项只能放在一个业务区', path: ['areas'] });
    });
    const nos = p.windows.map((w) => w.no);
    p.windows.forEach((w, i) => {
      if (nos.indexOf(w.no) !== i) ctx.addIssue({ code: 'custom', message: `窗口号 ${w.no} 重复`, path: ['windows', i, 'no'] });
      if (!prefixes.includes(w.prefix)) ctx.addIssue({ code: 'custom', message: `窗口 ${w.no} 的业务区 ${w.prefix} 不存在`, path: ['windows', i, 'prefix'] });
    });
    for (const a of p.areas)
      if (!p.windows.some((w) => w.prefix === a.prefix)) ctx.addIssue({ code: 'custom', message: `业务区 ${a.prefix} 没有窗口`, path: ['windows'] });
    if (p.kind === 'street' && !p.streetId) ctx.addIssue({ code: 'custom', message: '街道便民服务中心须选择所属街道', path: ['streetId'] });
  }),
);
export type PointInput = z.infer<typeof PointInput>;

/** The point as stored, with its version (a save names the version it edited: a stale one is a 409). */
export const PointAdminView = lazy(() => PointFields.extend({ id: z.string(), version: z.number(), hoursText: z.string() }));
export type PointAdminView = z.infer<typeof PointAdminView>;
export const PointAdminList = lazy(() => z.object({ items: z.array(PointAdminView) }));
export type PointAdminList = z.infer<typeof PointAdminList>;

export const PointStatsQuery = lazy(() =>
  z.strictObject({ days: z.coerce.number({ message: '天数应为数字' }).int().min(1, { message: '至少 1 天' }).max(60, { message: '最多 60 天' }).optional() }),
);

/** A point's days: bookings, 爽约, numbers, the average wait (taken → called) and service (called → done). */
export const PointStats = lazy(() =>
  z.object({
    pointId: z.string(),
    pointName: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        booked: z.number(),
        cancelled: z.number(),
        noShows: z.number(),
        /** 爽约率: not kept of those not cancelled, in per cent (one decimal); absent with no booking */
        noShowRate: z.number().optional(),
        taken: z.number(),
        served: z.number(),
        absent: z.number(),
        avgWaitMinutes: z.number().optional(),
        avgServiceMinutes: z.number().optional(),
      }),
    ),
  }),
);
export type PointStats = z.infer<typeof PointStats>;
