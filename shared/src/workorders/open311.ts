import * as z from 'zod';
import { CategoryId } from './categories';
import { lazy } from '../api/lazy';

/**
 * Open311 GeoReport v2 (JSON): the spec's own shapes, so civic clients can rely on them. Errors are
 * an array of { code, description } (not the app's ErrorBody).
 */
export const Open311Errors = lazy(() => z.array(z.object({ code: z.number(), description: z.string() })));

export const Open311Service = lazy(() =>
  z.object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.string(),
    keywords: z.string(),
    group: z.string(),
  }),
);
export const Open311ServiceDefinition = lazy(() => z.object({ service_code: z.string(), attributes: z.array(z.unknown()) }));

export const Open311Request = lazy(() =>
  z.object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().nullable(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string(),
    address: z.string().nullable(),
    address_id: z.string().nullable(),
    zipcode: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable(),
  }),
);
/** discovery.json/xml: the spec's description of this Open311 service. */
export const Open311Discovery = lazy(() =>
  z.object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.enum(['production', 'test']), formats: z.array(z.string()) }),
    ),
  }),
);
export const Open311Created = lazy(() => z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() }));
export const Open311Token = lazy(() => z.object({ service_request_id: z.string(), token: z.string() }));

/** POST requests.json, form-encoded or JSON (every value arrives as text). */
export const Open311PostRequest = lazy(() =>
  z.object({
    api_key: z.string().min(1, { message: 'api_key required' }),
    service_code: CategoryId,
    lat: z.coerce.number().min(-90).max(90).optional(),
    long: z.coerce.number().min(-180).max(180).optional(),
    address_string: z.string().trim().min(2).max(120).optional(),
    description: z.string().trim().min(5).max(1000),
    email: z.string().email().optional(),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/)
      .optional(),
    first_name: z.string().max(20).optional(),
    last_name: z.string().max(20).optional(),
    device_id: z.string().max(64).optional(),
    account_id: z.string().max(64).optional(),
  }),
);

export const Open311ListQuery = lazy(() =>
  z.object({
    service_request_id: z.string().optional(),
    service_code: z.string().optional(),
    start_date: z.iso.datetime({ offset: true }).optional(),
    end_date: z.iso.datetime({ offset: true }).optional(),
    status: z
      .string()
      .regex(/^(open|closed)(,(open|closed))?$/)
      .optional(),
  }),
);

/** API Gateway path variables fill a whole segment, hence {file} = "<id>.json". */
export const Open311FileParams = lazy(() => z.object({ file: z.string() }));
