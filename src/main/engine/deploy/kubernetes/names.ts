import { MlcycleError } from '../../../../shared/contract/errors';

/**
 * The naming rules the API server enforces, checked before anything is sent, so a bad name is
 * refused here in words instead of as a 422 halfway through a rollout.
 */

/** RFC 1035 label: Service names must be one (a letter first), and the rest fit inside it. */
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Label values: up to 63 of [A-Za-z0-9._-], alphanumeric at both ends (or empty). */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** A resource.Quantity, as the OpenAPI schemas spell it. */
const QUANTITY = /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const invalid = (field: string, message: string) => new MlcycleError('INVALID_ARGUMENT', message, { field });

export function checkDnsLabel(value: string, field: string, max = 63): string {
  if (value.length > max || !DNS_LABEL.test(value)) {
    throw invalid(field, `${field} '${value}' is not a valid Kubernetes name: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit, at most ${max} characters.`);
  }
  return value;
}

/**
 * A Kubernetes resource name for a served model name (which may hold '_' and '.', see servingName):
 * other characters become '-', a leading digit gets an 'm-' prefix, and it is cut to `max`.
 */
export function kubernetesName(servedName: string, max = 63): string {
  let slug = servedName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(slug)) slug = `m-${slug}`;
  return slug.slice(0, max).replace(/-+$/, '') || 'model';
}

/** A version (or any text) as a label value: other characters become '-', cut to 63. */
export function labelValue(text: string): string {
  const v = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return LABEL_VALUE.test(v) ? v : '';
}

export function checkQuantity(value: string, field: string): string {
  if (!QUANTITY.test(value)) throw invalid(field, `${field} '${value}' is not a Kubernetes quantity (for example 250m or 1 for CPU, 512Mi or 1Gi for memory).`);
  return value;
}

export function checkWhole(value: number, field: string, min: number, max = 2 ** 31 - 1): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw invalid(field, `${field} must be a whole number from ${min} to ${max}, got ${value}.`);
  return value;
}

export function checkHttpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(field, `${field} '${value}' is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(field, `${field} must be an http(s) URL the pods can reach, got ${url.protocol}.`);
  return value;
}

export function checkSha256(value: string, field: string): string {
  if (!/^[0-9a-f]{64}$/.test(value)) throw invalid(field, `${field} must be 64 lower-case hex digits (the sha256 of the .mlpkg file).`);
  return value;
}
