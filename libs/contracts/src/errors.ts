/** Body of every 4xx/5xx the API returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}
