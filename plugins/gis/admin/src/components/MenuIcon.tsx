import { Earth } from '@strapi/icons';

export const MenuIcon = () => <Earth />;
