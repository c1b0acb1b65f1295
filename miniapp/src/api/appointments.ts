import type * as S from '@yx/shared';
import type * as z from 'zod';
import { call, type RouteBody } from './client';

/** 预约 / 取号 / 叫号 (issue 18), typed from the shared contract (shared/src/appointments/api.ts). */

export type PointSummary = z.output<typeof S.PointSummary>;
export type PointDetail = z.output<typeof S.PointDetail>;
export type SlotDays = z.output<typeof S.SlotDays>;
export type SlotView = z.output<typeof S.SlotView>;
export type Standing = z.output<typeof S.Standing>;
export type AppointmentView = z.output<typeof S.AppointmentView>;
export type AppointmentList = z.output<typeof S.AppointmentList>;
export type TicketView = z.output<typeof S.TicketView>;
export type ScreenView = z.output<typeof S.ScreenView>;
export type DeskView = z.output<typeof S.DeskView>;
export type StaffPointList = z.output<typeof S.StaffPointList>;
export type CheckInCode = z.output<typeof S.CheckInCode>;
export type PointAdminView = z.output<typeof S.PointAdminView>;
export type PointStats = z.output<typeof S.PointStats>;
export type PointInput = RouteBody<'PUT /v1/admin/service-points/{pointId}'>;

export const appointmentsApi = {
  points: () => call('GET /v1/service-points'),
  point: (pointId: string) => call('GET /v1/service-points/{pointId}', { params: { pointId } }),
  /** the slots of `days` days from `from` (today when left out), with what is left of each */
  slots: (pointId: string, itemId: string, from?: string, days?: number) =>
    call('GET /v1/service-points/{pointId}/slots', { params: { pointId }, query: { itemId, from, days } }),
  screen: (pointId: string) => call('GET /v1/service-points/{pointId}/screen', { params: { pointId } }),
  /** 签到取号: the day's code from the hall's QR code, or the phone's location; a booking of today or an item (walk-in) */
  arrive: (idempotencyKey: string, pointId: string, body: RouteBody<'POST /v1/service-points/{pointId}/arrivals'>) =>
    call('POST /v1/service-points/{pointId}/arrivals', { params: { pointId }, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  mine: () => call('GET /v1/appointments'),
  book: (idempotencyKey: string, body: RouteBody<'POST /v1/appointments'>) =>
    call('POST /v1/appointments', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  get: (id: string) => call('GET /v1/appointments/{id}', { params: { id } }),
  reschedule: (id: string, body: RouteBody<'POST /v1/appointments/{id}/reschedule'>) => call('POST /v1/appointments/{id}/reschedule', { params: { id }, body }),
  cancel: (id: string) => call('POST /v1/appointments/{id}/cancel', { params: { id }, body: {} }),
  tickets: () => call('GET /v1/tickets'),
  ticket: (id: string) => call('GET /v1/tickets/{id}', { params: { id } }),
};

/** The window officer's desk (叫号). */
export const hallApi = {
  points: () => call('GET /v1/staff/hall/points'),
  checkInCode: (pointId: string) => call('GET /v1/staff/hall/points/{pointId}/check-in-code', { params: { pointId } }),
  signIn: (pointId: string, windowNo: number) => call('POST /v1/staff/hall/windows/{pointId}/{windowNo}/sign-in', { params: { pointId, windowNo }, body: {} }),
  desk: () => call('GET /v1/staff/hall/desk'),
  next: () => call('POST /v1/staff/hall/desk/next', { body: {} }),
  recall: () => call('POST /v1/staff/hall/desk/recall', { body: {} }),
  served: () => call('POST /v1/staff/hall/desk/served', { body: {} }),
  absent: () => call('POST /v1/staff/hall/desk/absent', { body: {} }),
  transfer: (toWindow: number) => call('POST /v1/staff/hall/desk/transfer', { body: { toWindow } }),
  signOut: () => call('POST /v1/staff/hall/desk/sign-out', { body: {} }),
};

/** The admin's points: their settings (saved by version) and their days' figures. */
export const hallAdminApi = {
  points: () => call('GET /v1/admin/service-points'),
  save: (pointId: string, body: PointInput) => call('PUT /v1/admin/service-points/{pointId}', { params: { pointId }, body }),
  stats: (pointId: string, days?: number) => call('GET /v1/admin/service-points/{pointId}/stats', { params: { pointId }, query: { days } }),
};
