import type { ApplicationDetail } from '@yx/shared';
import type { ActProps } from '../../../hooks/useActedDetail';

/** What each part of the application's page gets: the application, and where an action's outcome goes (see useActedDetail). */
export type ActionProps = ActProps<ApplicationDetail>;
