/**
 * The WGS84 conversions of src/domain/location.ts, loaded on the first request that needs them (latitude or
 * longitude asked for, a latLong searched near): they bring proj4, about 130 KiB that a cold start would
 * otherwise evaluate for requests that never convert.
 */
export const locationConversions = () => import('../domain/location.js');
