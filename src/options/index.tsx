import { mountPage } from '../ui/mount-page';
import { Options } from './Options';
import '../ui/base.css';
import './options.css';

mountPage('optTitle', <Options />);
