import { Text, View } from '@tarojs/components';
import { APPOINTMENT_PURPOSE_NAMES } from '@yx/shared';
import type { AppointmentView } from '../../../api/appointments';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../components/Timeline';
import { dayText, goAppointment, StatusTag } from '../common';
import { Reschedule } from './Reschedule';

/** Whether check-in is open now for a booking, by the server's clock (a phone's may be off). */
export const canCheckIn = (a: AppointmentView) => a.checkInOpen;

/**
 * One booking: where, what, when and its state; 到场签到 while check-in is open, 改约 and 取消预约 until the cut-off, the
 * number once checked in.
 */
export function AppointmentCard({
  a,
  rescheduling,
  busy,
  onReschedule,
  onCancel,
  onChanged,
}: {
  a: AppointmentView;
  rescheduling: boolean;
  busy: boolean;
  onReschedule: (open: boolean) => void;
  onCancel: () => void;
  onChanged: () => void;
}) {
  const checkIn = canCheckIn(a);
  const before = a.status === 'booked' && !a.checkInOpen && a.canChange; // check-in opens as changes close
  const ended = a.status !== 'booked' && a.status !== 'checked-in';
  return (
    <View className={`card apm-card ${ended ? 'ended' : ''}`} data-testid={`appointment-${a.id}`}>
      <View className="card-head">
        <View>
          <View className="apm-item">{a.itemName}</View>
          <View className="apm-when">
            {dayText(a.date)} {a.start}–{a.end}
          </View>
        </View>
        <StatusTag status={a.status} />
      </View>
      <View className="apm-line">
        {a.pointName} · {a.address}
      </View>
      {a.applicationId && (
        <View className="apm-line">
          关联办件 {a.applicationId}（{APPOINTMENT_PURPOSE_NAMES[a.purpose]}）
        </View>
      )}
      {before && <View className="muted apm-line">{formatDateTime(a.checkInFrom)} 起可到场签到取号</View>}
      {a.status === 'booked' && !a.canChange && !checkIn && !before && <View className="muted apm-line">已过改约、取消时间</View>}

      {a.ticketId && (
        <View className="apm-ticket tap" role="button" onClick={() => goAppointment('ticket', { id: a.ticketId })} data-testid={`ticket-link-${a.id}`}>
          <Text>排队号</Text>
          <Text className="apm-ticket-no">{a.ticketNo}</Text>
          <Text className="muted">查看叫号进度 ›</Text>
        </View>
      )}

      {(checkIn || (a.canChange && a.status === 'booked')) && !rescheduling && (
        <View className="ap-actions">
          {checkIn && (
            <Button className="btn" onClick={() => goAppointment('arrive', { appointmentId: a.id, pointId: a.pointId })} data-testid={`checkin-${a.id}`}>
              到场签到
            </Button>
          )}
          {a.canChange && a.status === 'booked' && (
            <>
              <Button className="btn btn-plain" onClick={() => onReschedule(true)} data-testid={`reschedule-${a.id}`}>
                改约
              </Button>
              <Button className="btn btn-plain" disabled={busy || undefined} loading={busy || undefined} onClick={onCancel} data-testid={`cancel-${a.id}`}>
                取消预约
              </Button>
            </>
          )}
        </View>
      )}
      {rescheduling && <Reschedule a={a} onClose={() => onReschedule(false)} onDone={onChanged} />}
    </View>
  );
}
