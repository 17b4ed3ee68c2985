import { mountPage } from '../ui/mount-page';
import { GlossaryPage } from './GlossaryPage';
import '../ui/base.css';
import './glossary.css';

mountPage('glossaryTitle', <GlossaryPage />);
