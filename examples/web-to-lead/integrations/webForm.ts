/**
 * A Lead from a web form: the website's backend calls Salesforce once per submission.
 * Pattern: remote-call-in on Lead, keyed by an External ID field (the form's submission id), so a
 * repeated delivery of one submission changes nothing the second time. Today a call-in updates the
 * Lead its key finds and answers 404 when none has it: creating one is not built (see README.md).
 */
import { field, objectExtension, operation } from '../dsl';

export const leadFields = objectExtension({
  object: 'Lead',
  fields: {
    Web_Submission_Id__c: field.text({
      length: 64,
      externalId: true,
      unique: true,
      label: 'Web Submission ID',
      description: 'The web form submission this lead came from; the key the website calls in with.',
    }),
    Web_Submitted_At__c: field.dateTime({ label: 'Web Submitted At' }),
  },
});

export const receiveWebLead = operation({
  name: 'ReceiveWebLead',
  description: 'The website hands over a lead from its contact form.',
  pattern: 'remote-call-in',
  source: 'Website',
  object: 'Lead',
  urlMapping: '/switchyard/v1/web-leads',
  idempotencyKey: 'Web_Submission_Id__c',
  request: {
    submissionId: field.text({ length: 64, required: true }),
    lastName: field.text({ length: 80, required: true }),
    company: field.text({ length: 255, required: true }),
    email: field.email({ sensitive: true }),
    phone: field.text({ length: 40, sensitive: true }),
    submittedAt: field.dateTime({ required: true }),
  },
  mapping: {
    submissionId: 'Web_Submission_Id__c',
    lastName: 'LastName',
    company: 'Company',
    email: 'Email',
    phone: 'Phone',
    submittedAt: 'Web_Submitted_At__c',
  },
  orderedBy: 'submittedAt',
});
