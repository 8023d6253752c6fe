export function cliReference(): string;
export function withReference(readme: string, reference: string): string;
