/** The writer refused to touch the output; the build prints the message and exits 1. */
export class WriteRefused extends Error {}
