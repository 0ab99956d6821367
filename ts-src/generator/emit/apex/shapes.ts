/**
 * Typed request/response classes: one property per declared shape key, so `JSON.serialize` and
 * `JSON.deserialize` round-trip the exact JSON the other side speaks, and `schema()`, the declared
 * rules as a `SwyPayloadSchema` that the runtime checks untyped JSON against. A response also holds
 * its declared fallback, which is declared data.
 */
import type { FieldModel } from '../../model/types';
import { apexType, doc, fieldSummary, literalFor, members, str } from './apex';
import { maxLength, payloadSchemaExpression } from './payloadSchema';
import { apex } from './template';

export interface ShapeClassSpec {
  className: string;
  /** First sentence of the class ApexDoc. */
  summary: string;
  fields: readonly FieldModel[];
  /** Adds `@InvocableVariable` so a flow can pass or read the shape (request-reply only). */
  invocable?: 'input' | 'output';
  /** Response only: the declared fallback, returned by `fallback()` with `isFallback = true`. */
  fallback?: Readonly<Record<string, string | number | boolean>>;
}

export function shapeClass(spec: ShapeClassSpec): string {
  const body = members(
    ...spec.fields.map((field) => property(field, spec.invocable)),
    spec.fallback && fallbackMembers(spec),
    schemaMethod(spec.fields),
  );
  const description = doc(
    `${spec.summary} Properties carry the JSON keys the other side uses, so JSON.serialize and JSON.deserialize round-trip it; schema() holds the declared rules, which the runtime checks.`,
    [['see', 'SwyPayloadSchema']],
  );
  return (
    apex`
    ${description}
    public with sharing class ${spec.className} {
      ${body}
    }
  ` + '\n'
  );
}

/** One typed property, its declared rules in its ApexDoc. */
function property(field: FieldModel, invocable: ShapeClassSpec['invocable']): string {
  const max = maxLength(field);
  const rules = [
    field.required && 'Required.',
    max !== undefined && `At most ${max} characters.`,
    field.kind === 'Picklist' && `One of ${(field.values ?? []).join(', ')}.`,
    field.kind === 'Number' && `Up to ${field.precision} digits, ${field.scale} after the decimal point.`,
    field.sensitive && 'Sensitive: redacted in logs.',
  ].filter((rule): rule is string => typeof rule === 'string');
  const required = invocable === 'input' && field.required ? ' required=true' : '';
  return apex`
    ${doc([fieldSummary(field), ...rules].join(' '))}
    ${invocable && `@InvocableVariable(label=${str(field.label)} description=${str(fieldSummary(field))}${required})`}
    public ${apexType(field)} ${field.name};
  `;
}

function schemaMethod(fields: readonly FieldModel[]): string {
  return apex`
    ${doc('The declared rules of this shape, which SwyPayloadSchema checks on untyped JSON.', [['return', 'a new schema: one rule per property, and its sensitive keys']])}
    public static SwyPayloadSchema schema() {
      return ${payloadSchemaExpression(fields)};
    }
  `;
}

/** isFallback, fallbackReason, notSentForBudget and the declared fallback answer. */
function fallbackMembers(spec: ShapeClassSpec): string {
  const fallback = spec.fallback ?? {};
  const assignments = spec.fields
    .filter((field) => field.name in fallback)
    .map((field) => `response.${field.name} = ${literalFor(field, fallback[field.name])};`);
  const invocable = (label: string, description: string) =>
    spec.invocable && `@InvocableVariable(label=${str(label)} description=${str(description)})`;
  return members(
    apex`
      ${doc('True when this is the declared fallback rather than an answer from the system (it was down, its answer was unusable, or its circuit is open).')}
      ${invocable('Is Fallback', "True when the answer is the declared fallback, not the system's.")}
      public Boolean isFallback = false;
    `,
    apex`
      ${doc('Why the fallback was given; null for an answer from the system.')}
      ${invocable('Fallback Reason', 'Why the fallback was given.')}
      public String fallbackReason;
    `,
    apex`
      ${doc('True when the request was not sent because this transaction had no callout budget left for it: send it again later (SwyRequestReply.enqueue, or a flow path with its own transaction).')}
      ${invocable('Not Sent For Budget', 'True when the request was not sent for lack of callout budget; send it again later.')}
      public Boolean notSentForBudget = false;
    `,
    apex`
      ${doc('The declared fallback answer, used whenever the system cannot give one.', [['return', 'a new fallback response with isFallback = true']])}
      public static ${spec.className} fallback() {
        ${spec.className} response = new ${spec.className}();
        ${assignments}
        response.isFallback = true;
        return response;
      }
    `,
  );
}
