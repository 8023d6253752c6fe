import type { PickerForm } from '../store/project-slice';
import { useAppStore } from '../store';

/** The engine's error for one picker form, in words, right next to that form. */
export function FormError({ form, id }: { form: PickerForm; id: string }) {
  const error = useAppStore((s) => (s.pickerError?.form === form ? s.pickerError.error : null));
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {error.message}
    </p>
  );
}
