import { createContext, useContext } from 'react';
import { STRINGS, type Strings } from './strings.ts';

export const StringsContext = createContext<Strings>(STRINGS['zh-CN']);

export const useStrings = (): Strings => useContext(StringsContext);
