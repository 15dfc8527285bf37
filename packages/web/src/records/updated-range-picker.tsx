import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';

/**
 * The "updated between" range of the list filters: Ant Design's RangePicker, in its own chunk
 * (loaded after the list shows; it is a third of the list page's code).
 */
export function UpdatedRangePicker({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: [string, string];
  value: [Dayjs | null, Dayjs | null] | undefined;
  onChange: (range: [Dayjs | null, Dayjs | null] | undefined) => void;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      placeholder={placeholder}
      value={value}
      allowEmpty={[true, true]}
      onChange={(range) =>
        onChange(
          range === null || (range[0] === null && range[1] === null)
            ? undefined
            : [range[0], range[1]],
        )
      }
    />
  );
}
