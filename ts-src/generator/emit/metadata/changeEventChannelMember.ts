/**
 * Change Data Capture selection: one `PlatformEventChannelMember` per captured object, on the
 * standard `ChangeEvents` channel (the selection Setup's Change Data Capture page shows), named
 * `ChangeEvents_<ChangeEvent>`. No enriched fields: enrichment reaches Pub/Sub API, CometD and
 * event relay subscribers, not the Apex change-event trigger that delivers here (that trigger
 * re-reads what an update does not carry), and no filter expression: filters apply to custom
 * channels only, so the runtime skips undeclared change types itself.
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_platformeventchannelmember.htm
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_enrich_intro.htm
 */
import { CHANGE_EVENTS_CHANNEL, changeEventName } from '../../model/changeEvents';
import { GENERATED_ROOT } from '../../model/naming';
import type { Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { metadataFile } from './xml';

/** `ChangeEvents_ContactChangeEvent`: the full name the platform gives a standard-channel member. */
export function channelMemberName(object: string): string {
  return `${CHANGE_EVENTS_CHANNEL}_${changeEventName(object)}`;
}

export function changeEventChannelMemberFiles(model: Model): GeneratedFile[] {
  const byObject = new Map<string, string[]>();
  for (const operation of model.operations) {
    if (operation.pattern !== 'change-capture') continue;
    byObject.set(operation.object, [...(byObject.get(operation.object) ?? []), operation.location.file]);
  }
  return [...byObject.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([object, files]) =>
      metadataFile(
        `${GENERATED_ROOT}/platformEventChannelMembers/${channelMemberName(object)}.platformEventChannelMember-meta.xml`,
        'PlatformEventChannelMember',
        { eventChannel: CHANGE_EVENTS_CHANNEL, selectedEntity: changeEventName(object) },
        [...new Set(files)].sort(),
      ),
    );
}
