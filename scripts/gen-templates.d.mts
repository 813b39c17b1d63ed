export const TEMPLATE_MODULE_FILE: string;
export function renderTemplateModule(): string;
