/**
 * The e-service receipt's island: its print button (the page prints on one A4 sheet, see the print
 * rules in styles.css). Without script the button is hidden; the browser's own print still works.
 */
document.getElementById('print-receipt')?.addEventListener('click', () => window.print());
