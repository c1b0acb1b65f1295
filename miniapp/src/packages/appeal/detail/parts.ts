import type { WoView } from '../../../api/workorders';
import type { ActProps } from '../../../hooks/useActedDetail';

/** What each part of the order's page gets: the order, and where an action's outcome goes (see useActedDetail). */
export type WoActProps = ActProps<WoView>;
