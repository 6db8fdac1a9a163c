import { Message } from '@strapi/icons';

export const MenuIcon = () => <Message />;
