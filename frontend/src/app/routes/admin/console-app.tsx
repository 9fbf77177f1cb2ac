export default function ConsoleApp() {
  return null;
}
