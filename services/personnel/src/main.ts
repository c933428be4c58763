import { hello } from '@kinerja/kit'; console.log(hello('dunia'));
