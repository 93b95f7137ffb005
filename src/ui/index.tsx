// placeholder: the UI entry
import './styles.css';
export {};
