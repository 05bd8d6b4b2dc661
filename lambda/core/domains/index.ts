import type { Settings } from '../settings';
import { createDomainExtractor, type DomainExtractor } from './extract';

export {
  createDomainExtractor,
  type DomainExtractor,
  type DomainExtractorOptions,
  type ExtractedDomain,
  extractDomains,
} from './extract';

/** The extractor that `domains.exclude` and `domains.shorteners` ask for. */
export function extractorFromSettings(settings: {
  readonly domains: Settings['domains'];
}): DomainExtractor {
  return createDomainExtractor({
    exclude: settings.domains.exclude,
    shorteners: settings.domains.shorteners,
  });
}
