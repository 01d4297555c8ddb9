import { Button, Input, View } from '@tarojs/components';

/** A search field with its button: the keyboard's 搜索 key and the button both search (an old hand looks for the button). */
export function SearchBox(props: {
  id: string;
  placeholder: string;
  buttonLabel: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
}) {
  return (
    <View className="vh-search">
      <Input
        id={props.id}
        className="vh-input"
        placeholder={props.placeholder}
        value={props.value}
        confirmType="search"
        onInput={(e) => props.onChange(e.detail.value)}
        onConfirm={props.onSearch}
      />
      <Button id={`${props.id}-button`} className="vh-button vh-button-plain vh-search-button" onClick={props.onSearch}>
        {props.buttonLabel}
      </Button>
    </View>
  );
}
